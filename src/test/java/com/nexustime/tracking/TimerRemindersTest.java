package com.nexustime.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;
import com.nexustime.workspace.WorkspaceSettings;

import static org.assertj.core.api.Assertions.assertThat;

class TimerRemindersTest extends IntegrationTest {

	@Autowired
	TimerReminders reminders;

	@Autowired
	WorkspaceSettings workspace;

	private TrackingFixture f;

	@BeforeEach
	void fixture() {
		f = new TrackingFixture(jdbc);
	}

	@Test
	void aTimerPastTheLimitIsRemindedOnceInAppAndByMailAndKeepsRunning() {
		int limit = workspace.current().timerReminderHours();
		var staff = f.staff.client(api);
		assertThat(staff.post("/api/v1/timer", Map.of("projectId", f.project, "activityId", f.design)).status())
			.isEqualTo(201);
		var fresh = TestUsers.create(jdbc, "STAFF");
		assertThat(fresh.client(api).post("/api/v1/timer", Map.of("projectId", f.project, "activityId", f.design))
			.status()).isEqualTo(201);

		reminders.remindOverdue(Instant.now());
		assertThat(notifications(f.staff.id())).isZero();

		// the staff member's timer is checked an hour past the limit; the other one was started "now" for that check
		jdbc.sql("update running_timer set started_at = started_at - make_interval(hours => ?) where user_id = ?")
			.params(limit + 1, f.staff.id()).update();
		reminders.remindOverdue(Instant.now());
		reminders.remindOverdue(Instant.now().plusSeconds(120));

		assertThat(notifications(f.staff.id())).isEqualTo(1);
		assertThat(mails(f.staff.email())).isEqualTo(1);
		assertThat(notifications(fresh.id())).isZero();
		assertThat(mails(fresh.email())).isZero();
		var inbox = staff.get("/api/v1/me/notifications").json();
		assertThat(inbox.get("notifications").get(0).get("kind").asText()).isEqualTo(TimerReminders.KIND);
		assertThat(inbox.get("notifications").get(0).get("message").asText()).contains("Design " + f.unique);
		assertThat(staff.get("/api/v1/timer").status()).as("nothing is stopped").isEqualTo(200);

		// a new timer is a new reminder
		staff.delete("/api/v1/timer");
		staff.post("/api/v1/timer", Map.of("projectId", f.project, "activityId", f.design));
		reminders.remindOverdue(Instant.now().plus(Duration.ofHours(limit + 1)));
		assertThat(notifications(f.staff.id())).isEqualTo(2);
		assertThat(mails(f.staff.email())).isEqualTo(2);
	}

	private long notifications(long userId) {
		return jdbc.sql("select count(*) from notification where user_id = ? and kind = ?")
			.params(userId, TimerReminders.KIND).query(Long.class).single();
	}

	private long mails(String email) {
		return jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(email).query(Long.class).single();
	}
}
