package com.nexustime.review;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** Submit → the manager's tasklist → approve → the week is locked, through HTTP. */
class WeekReviewApiTest extends IntegrationTest {

	private static final LocalDate WEEK = LocalDate.of(2026, 11, 9);

	private TestUsers.TestUser manager;

	private TestUsers.TestUser staff;

	private long project;

	private long activity;

	@BeforeEach
	void setUp() {
		ReviewFixture fx = new ReviewFixture(jdbc, "Review");
		manager = fx.manager;
		staff = fx.staff;
		project = fx.project;
		activity = fx.activity;
	}

	@Test
	void submitApproveAndTheWeekIsLocked() {
		String entry = staff.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY", "projectId", project,
				"activityId", activity, "date", WEEK.plusDays(1).toString(), "minutes", 480)).json().get("id").asText();

		var submitted = staff.client(api).post("/api/v1/timesheets/" + WEEK + "/submit", Map.of());
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
		assertThat(submitted.json().get("status").asText()).isEqualTo("SUBMITTED");
		String instance = submitted.json().get("processInstanceId").asText();
		var twice = staff.client(api).post("/api/v1/timesheets/" + WEEK + "/submit", Map.of());
		assertThat(twice.json().get("processInstanceId").asText()).isEqualTo(instance);

		assertThat(staff.client(api).patch("/api/v1/time-entries/" + entry, Map.of("minutes", 420)).status())
			.isEqualTo(409);

		JsonNode task = reviewTask(manager, instance);
		assertThat(task.get("formKey").asText()).isEqualTo("nexus:manager-review");
		assertThat(task.get("processDefinitionKey").asText()).isEqualTo("weekly-timesheet");
		assertThat(task.get("businessKey").asText()).isEqualTo("week:" + staff.id() + ":" + WEEK);

		TestUsers.TestUser otherManager = TestUsers.create(jdbc, "MANAGER");
		assertThat(otherManager.client(api).post("/api/v1/tasks/" + task.get("id").asText() + "/complete",
				Map.of("approved", true)).status()).isEqualTo(403);

		var refused = manager.client(api).post("/api/v1/tasks/" + task.get("id").asText() + "/complete",
				Map.of("approved", false));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("comment");

		assertThat(manager.client(api).post("/api/v1/tasks/" + task.get("id").asText() + "/complete",
				Map.of("approved", true, "comment", "Thanks")).status()).isEqualTo(204);
		assertThat(manager.client(api).post("/api/v1/tasks/" + task.get("id").asText() + "/complete",
				Map.of("approved", true)).status()).isEqualTo(409);

		var ownerEdit = staff.client(api).patch("/api/v1/time-entries/" + entry, Map.of("minutes", 420));
		assertThat(ownerEdit.status()).isEqualTo(409);
		assertThat(ownerEdit.json().get("detail").asText()).contains("approved");
		assertThat(admin().patch("/api/v1/time-entries/" + entry, Map.of("minutes", 420)).status()).isEqualTo(200);
		assertThat(jdbc.sql("select action from audit_log where entity_type = 'TimeEntry' and entity_id = ? "
				+ "order by id desc limit 1").param(entry).query(String.class).single()).isEqualTo("UPDATE_OVERRIDE");

		var history = staff.client(api).get("/api/v1/timesheets/" + WEEK + "/history").json();
		assertThat(history.get(0).get("activity").asText()).isEqualTo("Week submitted");
		assertThat(history.get(0).get("completedBy").asText()).isEqualTo(String.valueOf(staff.id()));
		boolean reviewedByManager = false;
		for (JsonNode step : history) {
			if ("Review week".equals(step.get("activity").asText())) {
				reviewedByManager = String.valueOf(manager.id()).equals(step.path("completedBy").asText());
			}
		}
		assertThat(reviewedByManager).isTrue();
		assertThat(TestUsers.create(jdbc, "STAFF").client(api)
			.get("/api/v1/timesheets/" + WEEK + "/history?userId=" + staff.id()).status()).isEqualTo(404);

		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(manager.email())
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ? and subject like '%approved%'")
			.param(staff.email()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void recallWhileWaitingThenNotAfterTheDecision() {
		staff.client(api).post("/api/v1/timesheets/" + WEEK + "/submit", Map.of());
		var recalled = staff.client(api).post("/api/v1/timesheets/" + WEEK + "/recall", Map.of());
		assertThat(recalled.status()).isEqualTo(200);
		assertThat(recalled.json().get("status").asText()).isEqualTo("OPEN");
		assertThat(staff.client(api).post("/api/v1/timesheets/" + WEEK + "/recall", Map.of()).status()).isEqualTo(409);
		assertThat(staff.client(api).post("/api/v1/timesheets/2026-11-10/submit", Map.of()).status()).isEqualTo(422);
	}

	@Test
	void theManagerDecidesInTheTaskFormAndSeesTheWeek() {
		staff.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY", "projectId", project,
				"activityId", activity, "date", WEEK.toString(), "minutes", 450));
		String instance = staff.client(api).post("/api/v1/timesheets/" + WEEK + "/submit", Map.of()).json()
			.get("processInstanceId").asText();
		String taskId = reviewTask(manager, instance).get("id").asText();

		FormSession browser = FormSession.signIn(port, manager.email(), TestUsers.PASSWORD);
		var page = browser.get("/tasks/" + taskId);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Review the week", "id=\"approve\"", "id=\"reject\"", "7.50", "week-summary")
			.doesNotContain("Approve this week");

		var refused = browser.post("/tasks/" + taskId, Map.of("approved", "false", "comment", ""));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("needs a comment");

		var done = browser.post("/tasks/" + taskId, Map.of("approved", "false", "comment", "Split the design hours"));
		assertThat(done.status()).isEqualTo(302);
		var week = staff.client(api).get("/api/v1/timesheets/" + WEEK + "/history").json();
		assertThat(week.size()).isGreaterThan(2);
		assertThat(jdbc.sql("select comment from timesheet_week where user_id = ? and week_start = ?")
			.params(staff.id(), WEEK).query(String.class).single()).isEqualTo("Split the design hours");
	}

	private JsonNode reviewTask(TestUsers.TestUser reviewer, String processInstanceId) {
		for (JsonNode task : reviewer.client(api).get("/api/v1/tasks").json()) {
			if (processInstanceId.equals(task.get("processInstanceId").asText())) {
				return task;
			}
		}
		throw new AssertionError("no review task for " + processInstanceId + " in the manager's tasklist");
	}
}
