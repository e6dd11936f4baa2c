package com.nexustime.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import com.nexustime.approval.ApprovalFixture;
import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review as a two-button decision on the task page, the person's name and week instead of the business key on
 * the task list and page, and the owner told of an approval in the app and by mail.
 */
class WeekDecisionPagesTest extends IntegrationTest {

	private static final LocalDate WEEK = LocalDate.of(2026, 11, 23);

	@Test
	void theTaskListAndPageNameThePersonAndTheWeekAndRejectNeedsAComment() {
		ReviewFixture fx = new ReviewFixture(jdbc, "Decision");
		jdbc.sql("update app_user set name = 'Dana Staff' where id = ?").param(fx.staff.id()).update();
		String taskId = submit(fx);

		FormSession browser = FormSession.signIn(port, fx.manager.email(), TestUsers.PASSWORD);
		var list = browser.get("/tasks");
		assertThat(list.body()).contains("Dana Staff — week of 23 Nov 2026")
			.doesNotContain("week:" + fx.staff.id() + ":" + WEEK);

		var page = browser.get("/tasks/" + taskId);
		assertThat(page.body()).contains("Dana Staff — week of 23 Nov 2026", ">Approve</button>", ">Reject</button>")
			.doesNotContain("week:" + fx.staff.id() + ":" + WEEK).doesNotContain("Complete task")
			.doesNotContain("Approve this week");

		// Reject posts approved=false (the button's value) with an empty comment: refused beside the comment
		var refused = browser.post("/tasks/" + taskId, Map.of("comment", "   ", "approved", "false"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("needs a comment", "id=\"form-errors\"", "aria-invalid=\"true\"",
				"Dana Staff — week of 23 Nov 2026");
		assertThat(status(fx)).isEqualTo("SUBMITTED");

		var rejected = browser.post("/tasks/" + taskId, Map.of("comment", "Split the design hours", "approved", "false"));
		assertThat(rejected.status()).isEqualTo(302);
		assertThat(status(fx)).isEqualTo("REJECTED");
	}

	@Test
	void approvingTellsTheOwnerInTheAppAndByMail() {
		ReviewFixture fx = new ReviewFixture(jdbc, "Approved notice");
		String taskId = submit(fx);

		FormSession browser = FormSession.signIn(port, fx.manager.email(), TestUsers.PASSWORD);
		browser.get("/tasks/" + taskId);
		var approved = browser.post("/tasks/" + taskId, Map.of("comment", "", "approved", "true"));
		assertThat(approved.status()).isEqualTo(302);
		assertThat(status(fx)).isEqualTo("APPROVED");

		JsonNode bell = fx.staff.client(api).get("/api/v1/me/notifications").json();
		assertThat(bell.toString()).contains("WEEK_APPROVED", "Your week of " + WEEK + " was approved");

		List<MimeMessage> mails = ApprovalFixture.deliverOutbox(context, fx.staff.email());
		assertThat(mails).extracting(m -> subject(m)).contains("Week of " + WEEK + " approved");
	}

	private String submit(ReviewFixture fx) {
		fx.staff.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY", "projectId", fx.project,
				"activityId", fx.activity, "date", WEEK.toString(), "minutes", 120));
		String instance = fx.staff.client(api).post("/api/v1/timesheets/" + WEEK + "/submit", Map.of()).json()
			.get("processInstanceId").asText();
		for (JsonNode task : fx.manager.client(api).get("/api/v1/tasks").json()) {
			if (instance.equals(task.get("processInstanceId").asText())) {
				return task.get("id").asText();
			}
		}
		throw new AssertionError("no review task");
	}

	private String status(ReviewFixture fx) {
		return jdbc.sql("select status from timesheet_week where user_id = ? and week_start = ?")
			.params(fx.staff.id(), WEEK).query(String.class).single();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new AssertionError(ex);
		}
	}
}
