package com.nexustime.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;
import com.nexustime.support.TestUsers.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine API is not a side door: admins and process owners read through {@code /engine-rest} and Cockpit,
 * but completing, claiming or assigning a task, changing variables, running jobs, correlating messages and
 * starting processes are refused — by Spring Security (403 problem+json) and, behind it, by the engine's own
 * authorization. The application's own engine calls keep working.
 */
class EngineApiAccessTest extends IntegrationTest {

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	RepositoryService repository;

	@Autowired
	IdentityService identity;

	/** A submitted week: its review task and its reminder timer, made through the app as usual. */
	private record Week(String processInstanceId, String taskId, String jobId) {
	}

	private Week submittedWeek(String weekStart) {
		TestUser staff = TestUsers.create(jdbc, "STAFF");
		var submitted = staff.client(api).post("/api/v1/timesheets/" + weekStart + "/submit", null);
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
		String instance = submitted.json().get("processInstanceId").asText();
		String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
		Job job = management.createJobQuery().processInstanceId(instance).singleResult();
		return new Week(instance, task, job.getId());
	}

	@Test
	void processOwnersAndAdminsCannotWorkTasksChangeVariablesOrRunJobsThroughTheEngineApi() {
		Week week = submittedWeek("2001-03-05");
		TestUser owner = TestUsers.create(jdbc, "PROCESS_OWNER");
		for (Api.Client client : List.of(owner.client(api), admin())) {
			for (String prefix : List.of("/engine-rest", "/engine-rest/engine/default", "/camunda/api/engine/engine/default")) {
				refused(client.post(prefix + "/task/" + week.taskId() + "/complete",
						Map.of("variables", Map.of("approved", Map.of("value", true)))));
				refused(client.post(prefix + "/task/" + week.taskId() + "/submit-form", Map.of()));
				refused(client.post(prefix + "/task/" + week.taskId() + "/claim", Map.of("userId", "u1")));
				refused(client.post(prefix + "/task/" + week.taskId() + "/assignee", Map.of("userId", "u1")));
				refused(client.put(prefix + "/process-instance/" + week.processInstanceId() + "/variables/managerId",
						Map.of("value", "1")));
				refused(client.post(prefix + "/process-instance/" + week.processInstanceId() + "/variables",
						Map.of("modifications", Map.of("managerId", Map.of("value", "1")))));
				refused(client.post(prefix + "/job/" + week.jobId() + "/execute", null));
				refused(client.put(prefix + "/job/" + week.jobId() + "/retries", Map.of("retries", 3)));
				refused(client.post(prefix + "/message", Map.of("messageName", "WeekRecalled")));
				refused(client.post(prefix + "/process-definition/key/week-reminders/start", Map.of()));
				refused(client.delete(prefix + "/process-instance/" + week.processInstanceId()));
			}
		}
		assertThat(tasks.createTaskQuery().taskId(week.taskId()).count()).as("the review is still open").isOne();
		assertThat(runtime.getVariable(week.processInstanceId(), "managerId")).isNull();
		assertThat(management.createJobQuery().jobId(week.jobId()).singleResult().getRetries()).isEqualTo(3);
	}

	@Test
	void theyStillReadThroughTheEngineApi() {
		Week week = submittedWeek("2001-03-12");
		TestUser owner = TestUsers.create(jdbc, "PROCESS_OWNER");
		for (Api.Client client : List.of(owner.client(api), admin())) {
			var count = client.get("/engine-rest/process-definition/count");
			assertThat(count.status()).as(count.toString()).isEqualTo(200);
			assertThat(count.json().get("count").asLong()).as("read granted on definitions").isPositive();
			var instances = client.post("/engine-rest/process-instance", Map.of("processInstanceIds", List.of(week.processInstanceId())));
			assertThat(instances.status()).as(instances.toString()).isEqualTo(200);
			assertThat(instances.json().size()).isOne();
			var history = client.get("/engine-rest/history/process-instance?processInstanceId=" + week.processInstanceId());
			assertThat(history.status()).isEqualTo(200);
			assertThat(history.json().size()).isOne();
			assertThat(client.get("/engine-rest/job?processInstanceId=" + week.processInstanceId()).json().size()).isOne();
		}
	}

	@Test
	void theEnginesOwnAuthorizationRefusesTheSameCallsEvenWithoutSpringSecurity() {
		Week week = submittedWeek("2001-03-19");
		for (String group : List.of(EngineGroups.PROCESS_OWNERS, EngineGroups.ADMINS)) {
			identity.setAuthentication("u999", List.of(group));
			try {
				assertThatThrownBy(() -> EngineApiCalls.asEngineApiCall(() -> {
					tasks.complete(week.taskId(), Map.of("approved", true));
					return null;
				})).isInstanceOf(AuthorizationException.class);
				assertThatThrownBy(() -> EngineApiCalls.asEngineApiCall(() -> {
					runtime.setVariable(week.processInstanceId(), "managerId", "1");
					return null;
				})).isInstanceOf(AuthorizationException.class);
				assertThatThrownBy(() -> EngineApiCalls.asEngineApiCall(() -> {
					management.executeJob(week.jobId());
					return null;
				})).isInstanceOf(AuthorizationException.class);
				assertThatThrownBy(() -> EngineApiCalls.asEngineApiCall(() -> {
					management.setJobRetries(week.jobId(), 5);
					return null;
				})).isInstanceOf(AuthorizationException.class);
				assertThat(EngineApiCalls.asEngineApiCall(() -> repository.createProcessDefinitionQuery().count()))
					.isPositive();
			}
			finally {
				identity.clearAuthentication();
			}
		}
		assertThat(tasks.createTaskQuery().taskId(week.taskId()).count()).isOne();
	}

	@Test
	void cockpitWorksForAdminsAndProcessOwnersWithoutTheEngineAdminGroup() {
		TestUser owner = TestUsers.create(jdbc, "PROCESS_OWNER");
		for (Api.Client client : List.of(owner.client(api), admin())) {
			assertThat(client.get("/camunda/app/cockpit/default/").status()).isEqualTo(200);
			var count = client.get("/camunda/api/engine/engine/default/process-definition/count");
			assertThat(count.status()).as(count.toString()).isEqualTo(200);
			assertThat(count.json().get("count").asLong()).isPositive();
		}
		assertThat(TestUsers.create(jdbc, "STAFF").client(api).get("/camunda/app/cockpit/default/").status())
			.isEqualTo(403);
		assertThat(api.anonymous().get("/camunda/app/cockpit/default/").status()).isEqualTo(401);
		assertThat(identity.createUserQuery().memberOfGroup(EngineGroups.CAMUNDA_ADMIN).list())
			.extracting(u -> u.getId()).containsExactly(EngineGroups.PLACEHOLDER_ADMIN);
		// Camunda's own login and first-admin setup are closed
		assertThat(owner.client(api).post("/camunda/api/admin/auth/user/default/login/cockpit", Map.of()).status())
			.isEqualTo(403);
		assertThat(api.anonymous().post("/camunda/api/admin/setup/default/user/create", Map.of()).status())
			.isIn(401, 403);
	}

	private static void refused(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(403);
		assertThat(response.contentType()).contains("application/problem+json");
	}
}
