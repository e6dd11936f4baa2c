package com.nexustime.review;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nobody decides their own week: not through the API, not through the task form, not through the engine. */
class SelfReviewTest extends IntegrationTest {

	private static final LocalDate WEEK = LocalDate.of(2026, 9, 14);

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Test
	void aManagerWithoutAManagerNeverReviewsTheirOwnWeekAnotherManagerDoes() {
		TestUsers.TestUser owner = TestUsers.create(jdbc, "MANAGER", "STAFF");
		TestUsers.TestUser colleague = TestUsers.create(jdbc, "MANAGER");
		String instance = submit(owner);
		String taskId = taskOf(instance).getId();

		assertThat(ids(owner.client(api).get("/api/v1/tasks").json())).doesNotContain(taskId);
		FormSession ownerPages = FormSession.signIn(port, owner.email(), TestUsers.PASSWORD);
		assertThat(ownerPages.get("/tasks").body()).doesNotContain("week:" + owner.id() + ":" + WEEK);
		assertThat(tasks.getIdentityLinksForTask(taskId)).extracting(IdentityLink::getUserId)
			.contains(String.valueOf(colleague.id())).doesNotContain(String.valueOf(owner.id()));
		assertThat(tasks.getIdentityLinksForTask(taskId)).extracting(IdentityLink::getGroupId).containsOnlyNulls();

		var viaApi = owner.client(api).post("/api/v1/tasks/" + taskId + "/complete", Map.of("approved", true));
		assertThat(viaApi.status()).as(viaApi.toString()).isEqualTo(403);
		assertThat(viaApi.contentType()).startsWith("application/problem+json");
		assertThat(viaApi.json().get("detail").asText()).contains("own week");
		assertThat(owner.client(api).post("/api/v1/tasks/" + taskId + "/claim", Map.of()).status()).isEqualTo(403);
		assertThat(owner.client(api).get("/api/v1/tasks/" + taskId).status()).isEqualTo(403);

		assertThat(ownerPages.get("/tasks/" + taskId).status()).isEqualTo(403);
		ownerPages.get("/tasks");
		assertThat(ownerPages.post("/tasks/" + taskId, Map.of("approved", "true", "comment", "Fine by me")).status())
			.isEqualTo(403);
		assertThat(ownerPages.post("/tasks/" + taskId + "/claim", Map.of()).status()).isEqualTo(403);

		assertThat(status(owner)).isEqualTo("SUBMITTED");
		assertThat(taskOf(instance).getAssignee()).isNull();

		assertThat(ids(colleague.client(api).get("/api/v1/tasks").json())).contains(taskId);
		assertThat(colleague.client(api).post("/api/v1/tasks/" + taskId + "/complete", Map.of("approved", true))
			.status()).isEqualTo(204);
		assertThat(status(owner)).isEqualTo("APPROVED");
		assertThat(decidedBy(owner)).isEqualTo(colleague.id());
	}

	@Test
	void anAdminWhoOwnsTheWeekCannotApproveItEvenWhenItIsTheirManagersTask() {
		TestUsers.TestUser manager = TestUsers.create(jdbc, "MANAGER");
		TestUsers.TestUser owner = TestUsers.create(jdbc, "ADMIN", "STAFF");
		jdbc.sql("update app_user set manager_id = ? where id = ?").params(manager.id(), owner.id()).update();
		String instance = submit(owner);
		String taskId = taskOf(instance).getId();
		assertThat(taskOf(instance).getAssignee()).isEqualTo(String.valueOf(manager.id()));

		assertThat(owner.client(api).post("/api/v1/tasks/" + taskId + "/complete", Map.of("approved", true)).status())
			.isEqualTo(403);
		FormSession ownerPages = FormSession.signIn(port, owner.email(), TestUsers.PASSWORD);
		ownerPages.get("/tasks");
		assertThat(ownerPages.post("/tasks/" + taskId, Map.of("approved", "true")).status()).isEqualTo(403);
		assertThat(status(owner)).isEqualTo("SUBMITTED");

		assertThat(admin().post("/api/v1/tasks/" + taskId + "/complete", Map.of("approved", true)).status())
			.isEqualTo(204);
		assertThat(decidedBy(owner)).isEqualTo(adminId());
	}

	@Test
	void anAdminWithoutAManagerDoesNotSeeTheirOwnWeekAnotherAdminApprovesIt() {
		TestUsers.TestUser owner = TestUsers.create(jdbc, "ADMIN", "STAFF");
		String instance = submit(owner);
		String taskId = taskOf(instance).getId();

		assertThat(ids(owner.client(api).get("/api/v1/tasks").json())).doesNotContain(taskId);
		assertThat(owner.client(api).post("/api/v1/tasks/" + taskId + "/complete", Map.of("approved", true)).status())
			.isEqualTo(403);
		assertThat(status(owner)).isEqualTo("SUBMITTED");

		assertThat(ids(admin().get("/api/v1/tasks").json())).contains(taskId);
		assertThat(admin().post("/api/v1/tasks/" + taskId + "/complete", Map.of("approved", true)).status())
			.isEqualTo(204);
		assertThat(decidedBy(owner)).isEqualTo(adminId());
	}

	@Test
	void aCompletionNamingAnotherReviewerRecordsTheRealOne() {
		TestUsers.TestUser manager = TestUsers.create(jdbc, "MANAGER");
		TestUsers.TestUser owner = TestUsers.create(jdbc, "STAFF");
		jdbc.sql("update app_user set manager_id = ? where id = ?").params(manager.id(), owner.id()).update();
		String instance = submit(owner);
		String taskId = taskOf(instance).getId();
		TestUsers.TestUser scapegoat = TestUsers.create(jdbc, "MANAGER");

		Map<String, Object> body = new LinkedHashMap<>();
		body.put("approved", true);
		for (String name : List.of("reviewedBy", "reviewer", "reviewerId", "approvedBy", "decidedBy")) {
			body.put(name, String.valueOf(scapegoat.id()));
		}
		assertThat(manager.client(api).post("/api/v1/tasks/" + taskId + "/complete", body).status()).isEqualTo(204);

		assertThat(decidedBy(owner)).isEqualTo(manager.id());
		JsonNode history = owner.client(api).get("/api/v1/timesheets/" + WEEK + "/history").json();
		boolean byManager = false;
		for (JsonNode step : history) {
			if ("Review week".equals(step.get("activity").asText())) {
				byManager = String.valueOf(manager.id()).equals(step.path("completedBy").asText());
			}
		}
		assertThat(byManager).as(history.toString()).isTrue();
	}

	@Test
	void theEngineItselfRefusesTheOwnerAndRecordsWhoCompletedNotTheVariable() {
		TestUsers.TestUser owner = TestUsers.create(jdbc, "MANAGER", "STAFF");
		TestUsers.TestUser colleague = TestUsers.create(jdbc, "MANAGER");
		String instance = submit(owner);
		String taskId = taskOf(instance).getId();

		// as a call through the engine API would: the engine knows who is calling, the variables name someone else
		assertThatThrownBy(() -> completeAs(owner.id(), taskId,
				Map.of("approved", true, "reviewedBy", String.valueOf(colleague.id()))))
			.hasStackTraceContaining("own week");
		assertThat(status(owner)).isEqualTo("SUBMITTED");

		TestUsers.TestUser stranger = TestUsers.create(jdbc, "STAFF");
		assertThatThrownBy(() -> completeAs(stranger.id(), taskId, Map.of("approved", true)))
			.hasStackTraceContaining("only managers and admins");
		assertThat(status(owner)).isEqualTo("SUBMITTED");

		completeAs(colleague.id(), taskId, Map.of("approved", true, "reviewedBy", String.valueOf(owner.id())));
		assertThat(status(owner)).isEqualTo("APPROVED");
		assertThat(decidedBy(owner)).isEqualTo(colleague.id());
	}

	@Test
	void theEngineRecordsWhoCompletedNotAVariableNamingSomeoneElse() {
		TestUsers.TestUser manager = TestUsers.create(jdbc, "MANAGER");
		TestUsers.TestUser owner = TestUsers.create(jdbc, "STAFF");
		jdbc.sql("update app_user set manager_id = ? where id = ?").params(manager.id(), owner.id()).update();
		String instance = submit(owner);
		TestUsers.TestUser scapegoat = TestUsers.create(jdbc, "MANAGER");

		completeAs(manager.id(), taskOf(instance).getId(),
				Map.of("approved", false, "comment", "Add Friday", "reviewedBy", String.valueOf(scapegoat.id())));

		assertThat(status(owner)).isEqualTo("REJECTED");
		assertThat(decidedBy(owner)).isEqualTo(manager.id());
	}

	@Test
	void throughTheEngineApiTheOwnerIsRefusedTooAndTheWeekStaysSubmitted() {
		TestUsers.TestUser owner = TestUsers.create(jdbc, "MANAGER", "PROCESS_OWNER", "STAFF");
		TestUsers.TestUser colleague = TestUsers.create(jdbc, "MANAGER");
		String instance = submit(owner);
		String taskId = taskOf(instance).getId();

		var viaEngine = owner.client(api).post("/engine-rest/task/" + taskId + "/complete",
				Map.of("variables", Map.of("approved", Map.of("value", true, "type", "Boolean"), "reviewedBy",
						Map.of("value", String.valueOf(colleague.id()), "type", "String"))));
		// the engine API's own gate answers 403 before the engine; without it the completion listener still
		// refuses inside the engine (Camunda's REST layer reports a listener's refusal as 500)
		assertThat(viaEngine.status()).as(viaEngine.toString()).isGreaterThanOrEqualTo(400);
		assertThat(status(owner)).isEqualTo("SUBMITTED");
		assertThat(taskOf(instance)).isNotNull();
	}

	private void completeAs(long personId, String taskId, Map<String, Object> variables) {
		try {
			identity.setAuthenticatedUserId(String.valueOf(personId));
			tasks.complete(taskId, variables);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private String submit(TestUsers.TestUser owner) {
		var submitted = owner.client(api).post("/api/v1/timesheets/" + WEEK + "/submit", Map.of());
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
		return submitted.json().get("processInstanceId").asText();
	}

	private Task taskOf(String instance) {
		return tasks.createTaskQuery().processInstanceId(instance).singleResult();
	}

	private String status(TestUsers.TestUser owner) {
		return jdbc.sql("select status from timesheet_week where user_id = ? and week_start = ?")
			.params(owner.id(), WEEK).query(String.class).single();
	}

	private Long decidedBy(TestUsers.TestUser owner) {
		return jdbc.sql("select decided_by from timesheet_week where user_id = ? and week_start = ?")
			.params(owner.id(), WEEK).query(Long.class).single();
	}

	private long adminId() {
		return jdbc.sql("select id from app_user where email = ?").param(ADMIN_EMAIL).query(Long.class).single();
	}

	private static List<String> ids(JsonNode list) {
		return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(t -> t.get("id").asText()).toList();
	}
}
