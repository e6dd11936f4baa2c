package com.nexustime.tracking;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.notify.Mailer;
import com.nexustime.notify.Notifications;
import com.nexustime.workspace.Workspace;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * Reminds people whose timer has run longer than the workspace's limit, once per timer, in the page header and by
 * mail. It never stops a timer: only the person knows when the work ended.
 */
@Service
public class TimerReminders {

	static final String KIND = "TIMER_RUNNING_LONG";

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("EEE d MMM HH:mm");

	private final JdbcClient jdbc;

	private final WorkspaceSettings workspace;

	private final Notifications notifications;

	private final Mailer mailer;

	TimerReminders(JdbcClient jdbc, WorkspaceSettings workspace, Notifications notifications, Mailer mailer) {
		this.jdbc = jdbc;
		this.workspace = workspace;
		this.notifications = notifications;
		this.mailer = mailer;
	}

	record Overdue(long userId, String email, String name, String projectName, String activityName,
			Instant startedAt) {
	}

	@Scheduled(fixedDelayString = "${nexus.timer.reminder-check:60s}", initialDelayString = "30s")
	void remindOverdueNow() {
		remindOverdue(Instant.now());
	}

	/**
	 * Marks every timer that has run past the limit at {@code now} and was not yet reminded, and reminds its owner.
	 * The conditional update claims each timer once, so a second app node running the same job finds nothing.
	 * Answers how many were reminded.
	 */
	@Transactional
	public int remindOverdue(Instant now) {
		Workspace settings = workspace.current();
		Instant startedBefore = now.minus(Duration.ofHours(settings.timerReminderHours()));
		List<Overdue> overdue = jdbc.sql("""
				with claimed as (
				    update running_timer set reminded_at = :now
				    where reminded_at is null and started_at <= :startedBefore
				    returning user_id, project_id, activity_id, started_at)
				select c.user_id, u.email, u.name, p.name as project_name, a.name as activity_name, c.started_at
				from claimed c join app_user u on u.id = c.user_id join project p on p.id = c.project_id
				     join activity a on a.id = c.activity_id""")
			.param("now", Timestamp.from(now)).param("startedBefore", Timestamp.from(startedBefore))
			.query(Overdue.class).list();
		for (Overdue timer : overdue) {
			String since = CLOCK.format(timer.startedAt().atZone(settings.zone()));
			long hours = Duration.between(timer.startedAt(), now).toHours();
			String what = timer.projectName() + " · " + timer.activityName();
			notifications.notify(timer.userId(), KIND, "Your timer on " + what + " has been running since " + since
					+ " (" + hours + " h). Stop it, or stop it at the time you really finished.", "/time");
			mailer.queue(timer.email(), "Your timer has been running for " + hours + " hours", """
					Hello %s,

					your timer on %s has been running since %s (%d hours).
					If you forgot to stop it, stop it in Nexus Time and set the time you really finished;
					if you are still working, nothing needs to be done. The timer keeps running until you stop it.
					""".formatted(timer.name(), what, since, hours));
		}
		return overdue.size();
	}
}
