package com.nexustime.review;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.nexustime.notify.Mailer;
import com.nexustime.notify.Notifications;

/** What people are told along the weekly review: in the app and by email (queued, sent off the request path). */
@Component
public class WeekReviewNotices {

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final Mailer mailer;

	WeekReviewNotices(JdbcClient jdbc, Notifications notifications, Mailer mailer) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.mailer = mailer;
	}

	record Person(long id, String email, String name) {
	}

	/** To the manager (or, without one, nobody by email: the task waits for the managers group). */
	void submitted(WeekKey week, Long managerId) {
		Person owner = person(week.userId());
		if (managerId == null) {
			return;
		}
		Person manager = person(managerId);
		String text = owner.name() + " submitted the week of " + week.weekStart() + " for your review.";
		notifications.notify(manager.id(), "WEEK_SUBMITTED", text, "/tasks");
		mailer.queue(manager.email(), "Week of " + week.weekStart() + " submitted by " + owner.name(),
				"Hello " + manager.name() + ",\n\n" + text + "\nOpen your tasks in Nexus Time to approve or reject it.\n");
	}

	void decided(WeekKey week, boolean approved, String comment) {
		Person owner = person(week.userId());
		String text = approved ? "Your week of " + week.weekStart() + " was approved."
				: "Your week of " + week.weekStart() + " was rejected: " + comment;
		notifications.notify(owner.id(), approved ? "WEEK_APPROVED" : "WEEK_REJECTED", text,
				"/timesheet?week=" + week.weekStart());
		mailer.queue(owner.email(), approved ? "Week of " + week.weekStart() + " approved"
				: "Week of " + week.weekStart() + " rejected", "Hello " + owner.name() + ",\n\n" + text + "\n");
	}

	/** The review has waited longer than the process allows. */
	public void reviewWaiting(WeekKey week, String managerId) {
		if (managerId == null) {
			return;
		}
		Person owner = person(week.userId());
		Person manager = person(Long.parseLong(managerId));
		String text = "The week of " + week.weekStart() + " from " + owner.name() + " is still waiting for your review.";
		notifications.notify(manager.id(), "REVIEW_WAITING", text, "/tasks");
		mailer.queue(manager.email(), "Reminder: week of " + week.weekStart() + " from " + owner.name(),
				"Hello " + manager.name() + ",\n\n" + text + "\n");
	}

	/** To someone whose last week is still open. */
	public void weekStillOpen(long userId, java.time.LocalDate weekStart) {
		Person owner = person(userId);
		String text = "Your week of " + weekStart + " has not been submitted yet.";
		notifications.notify(owner.id(), "WEEK_OPEN", text, "/timesheet?week=" + weekStart);
		mailer.queue(owner.email(), "Please submit your week of " + weekStart, "Hello " + owner.name() + ",\n\n" + text + "\n");
	}

	private Person person(long id) {
		return jdbc.sql("select id, email, name from app_user where id = ?").param(id).query(Person.class).single();
	}
}
