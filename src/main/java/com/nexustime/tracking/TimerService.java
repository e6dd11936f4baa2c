package com.nexustime.tracking;

import java.sql.Timestamp;
import java.time.Duration;
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
import com.nexustime.system.web.RuleViolationException;

/**
 * The server-side timer. The primary key on the user makes a second start harmless: the insert simply does not
 * happen, whichever device or app node asked. Stopping turns the timer into an entry through the same checks
 * and pricing as any other entry.
 */
@Service
public class TimerService {

	/** How far a timer may be started in the past. */
	static final Duration LONGEST_BACKDATE = Duration.ofHours(24);

	/** A browser clock running slightly ahead of the server's is not "the future". */
	private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(1);

	private static final String TIMER_COLUMNS = """
			t.user_id as id, t.user_id, t.project_id, p.name as project_name, t.activity_id,
			a.name as activity_name, t.description, t.billable, t.started_at, t.reminded_at, t.artwork_id,
			w.name as artwork_name""";

	/** The timer's project, activity and (when it has one) artwork, for their names. */
	private static final String TIMER_JOINS = """
			 join project p on p.id = t.project_id join activity a on a.id = t.activity_id
			left join artwork w on w.id = t.artwork_id""";

	private final JdbcClient jdbc;

	private final TimeEntryService entries;

	private final AuditLog audit;

	TimerService(JdbcClient jdbc, TimeEntryService entries, AuditLog audit) {
		this.jdbc = jdbc;
		this.entries = entries;
		this.audit = audit;
	}

	/** Starts a timer now or at {@code startedAt}; 409 when one already runs. */
	@Transactional
	public RunningTimer start(CurrentUser user, TimerRequest request) {
		// the same checks an entry gets, so that a timer never runs on something it could not be saved as
		// and the billable flag its entry will keep: as asked, else the activity's
		boolean billable = entries.checkTrackable(user.id(), request.projectId(), request.activityId(),
				request.billable());
		entries.checkArtwork(request.projectId(), request.artworkId());
		Instant now = now();
		Instant startedAt = request.startedAt() == null ? now : notAfter(now, request.startedAt(), "startedAt");
		if (startedAt.isBefore(now.minus(LONGEST_BACKDATE))) {
			throw new RuleViolationException("startedAt", "a timer can be started at most 24 hours back");
		}
		int inserted = jdbc.sql("""
				insert into running_timer (user_id, project_id, activity_id, description, billable, started_at,
				                           artwork_id)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (user_id) do nothing""")
			.params(user.id(), request.projectId(), request.activityId(), trimToNull(request.description()),
					billable, Timestamp.from(startedAt), request.artworkId())
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
		return jdbc.sql("select " + TIMER_COLUMNS + " from running_timer t" + TIMER_JOINS + " where t.user_id = ?")
			.param(userId).query(RunningTimer.class).optional();
	}

	/** Stops the running timer now and records the time as an entry; 404 when no timer runs. */
	@Transactional
	public TimeEntry stop(CurrentUser user) {
		return stop(user, null);
	}

	/**
	 * Stops the running timer at {@code end} (now when null; between the start and now) and records the time as
	 * an entry; 404 when no timer runs.
	 */
	@Transactional
	public TimeEntry stop(CurrentUser user, Instant end) {
		return record(user, take(user.id()), end);
	}

	/**
	 * Stops whatever runs (recording it, as {@link #stop}) and starts the next timer, all or nothing. With no
	 * timer running it simply starts.
	 */
	@Transactional
	public TimerSwitched switchTo(CurrentUser user, TimerSwitch request) {
		Optional<RunningTimer> running = taken(user.id());
		TimeEntry stopped = running.map(timer -> record(user, timer, request.end())).orElse(null);
		if (stopped != null && request.startedAt() != null && stopped.end() != null
				&& request.startedAt().isBefore(stopped.end())) {
			throw new RuleViolationException("startedAt", "must not be before the end of the stopped timer");
		}
		return new TimerSwitched(stopped, start(user, request.next()));
	}

	/** Throws the running timer away without recording anything; 404 when no timer runs. */
	@Transactional
	public void discard(CurrentUser user) {
		RunningTimer timer = take(user.id());
		audit.record("DISCARD", "Timer", user.id(), timer, null);
	}

	private TimeEntry record(CurrentUser user, RunningTimer timer, Instant requestedEnd) {
		Instant now = now();
		Instant start = timer.startedAt();
		Instant end = requestedEnd == null ? now : notAfter(now, requestedEnd, "end");
		if (end.isBefore(start)) {
			throw new RuleViolationException("end", "must not be before the timer's start (" + start + ")");
		}
		if (!start.isBefore(end)) {
			// an entry needs start < end; a timer stopped the second it started still leaves a (zero-minute) trace
			end = start.plusSeconds(1);
		}
		return entries.create(user, new EntryRequest(EntryType.ACTIVITY, user.id(), timer.projectId(),
				timer.activityId(), null, null, null, start, end, timer.description(), timer.billable(), null, null,
				null, null, null, null).withArtwork(timer.artworkId()));
	}

	private RunningTimer take(long userId) {
		return taken(userId).orElseThrow(() -> new NotFoundException("Running timer of user", userId));
	}

	/** Removes the user's timer and answers it; the row lock makes concurrent stops take it only once. */
	private Optional<RunningTimer> taken(long userId) {
		return jdbc.sql("with t as (delete from running_timer where user_id = ? returning *) select " + TIMER_COLUMNS
				+ " from t" + TIMER_JOINS)
			.param(userId).query(RunningTimer.class).optional();
	}

	private static Instant notAfter(Instant now, Instant value, String field) {
		if (value.isAfter(now.plus(CLOCK_TOLERANCE))) {
			throw new RuleViolationException(field, "must not be in the future");
		}
		Instant seconds = value.truncatedTo(ChronoUnit.SECONDS);
		return seconds.isAfter(now) ? now : seconds;
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.SECONDS);
	}

	private static String trimToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
