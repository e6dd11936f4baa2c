package com.nexustime.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.audit.AuditLog;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.NotFoundException;

/**
 * The server-side timer. The primary key on the user makes a second start harmless: the insert simply does not
 * happen, whichever device or app node asked. Stopping turns the timer into an entry through the same checks
 * and pricing as any other entry.
 */
@Service
public class TimerService {

	private final JdbcClient jdbc;

	private final TimeEntryService entries;

	private final AuditLog audit;

	TimerService(JdbcClient jdbc, TimeEntryService entries, AuditLog audit) {
		this.jdbc = jdbc;
		this.entries = entries;
		this.audit = audit;
	}

	@Transactional
	public RunningTimer start(CurrentUser user, TimerRequest request) {
		// the same checks an entry gets, so that a timer never runs on something it could not be saved as
		entries.checkTrackable(user.id(), request.projectId(), request.activityId());
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		int inserted = jdbc.sql("""
				insert into running_timer (user_id, project_id, activity_id, description, billable, started_at)
				values (?, ?, ?, ?, ?, ?) on conflict (user_id) do nothing""")
			.params(user.id(), request.projectId(), request.activityId(), request.description(),
					request.billable() == null || request.billable(), Timestamp.from(now))
			.update();
		if (inserted == 0) {
			throw new ConflictException("a timer is already running; stop it before starting another");
		}
		RunningTimer timer = current(user.id()).orElseThrow();
		audit.record("START", "Timer", user.id(), null, timer);
		return timer;
	}

	@Transactional(readOnly = true)
	public Optional<RunningTimer> current(long userId) {
		return jdbc.sql("""
				select user_id as id, user_id, project_id, activity_id, description, billable, started_at
				from running_timer where user_id = ?""")
			.param(userId).query(RunningTimer.class).optional();
	}

	/** Stops the running timer and records the time as an entry; 404 when no timer runs. */
	@Transactional
	public TimeEntry stop(CurrentUser user) {
		RunningTimer timer = take(user.id());
		Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant start = timer.startedAt();
		if (!start.isBefore(end)) {
			end = start.plusSeconds(1);
		}
		return entries.create(user, new EntryRequest(EntryType.ACTIVITY, user.id(), timer.projectId(),
				timer.activityId(), null, null, null, start, end, timer.description(), timer.billable(), null, null,
				null, null, null, null));
	}

	/** Throws the running timer away without recording anything; 404 when no timer runs. */
	@Transactional
	public void discard(CurrentUser user) {
		RunningTimer timer = take(user.id());
		audit.record("DISCARD", "Timer", user.id(), timer, null);
	}

	private RunningTimer take(long userId) {
		return jdbc.sql("""
				delete from running_timer where user_id = ?
				returning user_id as id, user_id, project_id, activity_id, description, billable, started_at""")
			.param(userId).query(RunningTimer.class).optional()
			.orElseThrow(() -> new NotFoundException("Running timer of user", userId));
	}
}
