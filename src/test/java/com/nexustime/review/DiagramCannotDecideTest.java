package com.nexustime.review;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.IntegrationTest;
import com.nexustime.support.ModelerDeployment;
import com.nexustime.support.TestUsers;
import com.nexustime.support.TestUsers.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A process owner deploys diagrams, and diagrams may call the app's delegates; still no diagram decides a week or
 * touches an approval the app did not start its instance for. Each diagram goes through the engine API as Camunda
 * Modeler sends it, and is accepted there: the refusal comes when a step runs.
 */
class DiagramCannotDecideTest extends IntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String HEAD = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="https://example.com/test">
			""";

	@Autowired
	RepositoryService repository;

	@Autowired
	ManagementService management;

	@Autowired
	TaskService tasks;

	/** The diagram from the report: a timer start and fixed input parameters naming the owner's week and Maria. */
	@Test
	void aTimerDiagramNamingTheOwnersWeekAndTheirManagerNeitherApprovesRejectsNorReopensIt() throws Exception {
		TestUser manager = TestUsers.create(jdbc, "MANAGER");
		TestUser owner = TestUsers.create(jdbc, "PROCESS_OWNER", "STAFF");
		jdbc.sql("update app_user set manager_id = ? where id = ?").params(manager.id(), owner.id()).update();
		LocalDate week = LocalDate.of(2026, 11, 30);
		var submitted = owner.client(api).post("/api/v1/timesheets/" + week + "/submit", null);
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
		String reviewInstance = submitted.json().get("processInstanceId").asText();

		for (String delegate : List.of("weekApproved", "weekRejected", "weekReopened")) {
			String key = "decide-" + delegate + "-" + UUID.randomUUID().toString().substring(0, 8);
			String deploymentId = deployAs(owner, key, timerDiagram(key, delegate, Map.of("userId", owner.id(),
					"weekStart", week, "reviewedBy", manager.id(), "comment", "Looks good - Maria")));
			try {
				Job job = management.createJobQuery().processDefinitionKey(key).singleResult();
				assertThatThrownBy(() -> management.executeJob(job.getId())).as(delegate)
					.hasMessageContaining("no submitted week is reviewed by this process instance");
			}
			finally {
				repository.deleteDeployment(deploymentId, true);
			}
			assertThat(weekRow(owner.id(), week)).as(delegate)
				.containsEntry("status", "SUBMITTED").containsEntry("decided_by", null);
		}
		assertThat(decisionsAudited(owner.id(), week)).isEmpty();
		assertThat(tasks.createTaskQuery().processInstanceId(reviewInstance).count())
			.as("the manager's real review task stays open").isEqualTo(1);
	}

	@Test
	void aTimerDiagramCannotReopenAnApprovedWeek() throws Exception {
		TestUser manager = TestUsers.create(jdbc, "MANAGER");
		TestUser owner = TestUsers.create(jdbc, "PROCESS_OWNER", "STAFF");
		jdbc.sql("update app_user set manager_id = ? where id = ?").params(manager.id(), owner.id()).update();
		LocalDate week = LocalDate.of(2026, 11, 23);
		String instance = owner.client(api).post("/api/v1/timesheets/" + week + "/submit", null).json()
			.get("processInstanceId").asText();
		String taskId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
		assertThat(manager.client(api).post("/api/v1/tasks/" + taskId + "/complete", Map.of("approved", true))
			.status()).isEqualTo(204);
		assertThat(weekRow(owner.id(), week)).containsEntry("status", "APPROVED");

		String key = "reopen-" + UUID.randomUUID().toString().substring(0, 8);
		String deploymentId = deployAs(owner, key, timerDiagram(key, "weekReopened",
				Map.of("userId", owner.id(), "weekStart", week)));
		try {
			Job job = management.createJobQuery().processDefinitionKey(key).singleResult();
			assertThatThrownBy(() -> management.executeJob(job.getId())).isNotNull();
		}
		finally {
			repository.deleteDeployment(deploymentId, true);
		}
		assertThat(weekRow(owner.id(), week)).containsEntry("status", "APPROVED")
			.containsEntry("decided_by", manager.id());
		assertThat(decisionsAudited(owner.id(), week)).containsExactly("APPROVE");
	}

	/** A new version of weekly-timesheet that skips the review task: the app starts it, the week stays undecided. */
	@Test
	void aWeeklyTimesheetVersionWithoutTheReviewTaskCannotApproveTheWeek() throws Exception {
		TestUser manager = TestUsers.create(jdbc, "MANAGER");
		TestUser owner = TestUsers.create(jdbc, "PROCESS_OWNER", "STAFF");
		jdbc.sql("update app_user set manager_id = ? where id = ?").params(manager.id(), owner.id()).update();
		LocalDate week = LocalDate.of(2026, 11, 16);
		String deploymentId = deployAs(owner, "weekly-timesheet", HEAD + """
				<bpmn:process id="weekly-timesheet" name="Weekly timesheet (no review)" isExecutable="true"
				    camunda:historyTimeToLive="P1D">
				  <bpmn:startEvent id="s" />
				  <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" />
				  <bpmn:serviceTask id="t" camunda:delegateExpression="${weekApproved}">
				    <bpmn:extensionElements><camunda:inputOutput>
				      <camunda:inputParameter name="reviewedBy">%d</camunda:inputParameter>
				      <camunda:inputParameter name="approved">${true}</camunda:inputParameter>
				      <camunda:inputParameter name="comment">Looks good</camunda:inputParameter>
				    </camunda:inputOutput></bpmn:extensionElements>
				  </bpmn:serviceTask>
				  <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e" />
				  <bpmn:endEvent id="e" />
				</bpmn:process>
				</bpmn:definitions>
				""".formatted(manager.id()));
		try {
			var refused = owner.client(api).post("/api/v1/timesheets/" + week + "/submit", null);
			assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("detail").asText()).contains("nobody recorded a decision");
		}
		finally {
			repository.deleteDeployment(deploymentId, true);
		}
		var row = jdbc.sql("select status from timesheet_week where user_id = ? and week_start = ?")
			.params(owner.id(), week).query(String.class).optional();
		assertThat(row).as("the submission was rolled back with the refused step").isEmpty();
		assertThat(decisionsAudited(owner.id(), week)).isEmpty();
	}

	/**
	 * A version that keeps the review task but locks the week whatever was decided: the reviewer's rejection is
	 * what the app recorded, so "Lock the week" refuses and the completion with it.
	 */
	@Test
	void aWeeklyTimesheetVersionThatLocksAfterARejectionCannotApproveTheWeek() throws Exception {
		TestUser manager = TestUsers.create(jdbc, "MANAGER");
		TestUser owner = TestUsers.create(jdbc, "PROCESS_OWNER", "STAFF");
		jdbc.sql("update app_user set manager_id = ? where id = ?").params(manager.id(), owner.id()).update();
		LocalDate week = LocalDate.of(2026, 11, 9);
		String deploymentId = deployAs(owner, "weekly-timesheet", HEAD + """
				<bpmn:process id="weekly-timesheet" name="Weekly timesheet (always locks)" isExecutable="true"
				    camunda:historyTimeToLive="P1D">
				  <bpmn:startEvent id="s" />
				  <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="r" />
				  <bpmn:userTask id="r" name="Review week" camunda:formKey="nexus:manager-review">
				    <bpmn:extensionElements>
				      <camunda:taskListener event="create" delegateExpression="${reviewAssignment}" />
				      <camunda:taskListener event="complete" delegateExpression="${reviewDecisionCheck}" />
				    </bpmn:extensionElements>
				  </bpmn:userTask>
				  <bpmn:sequenceFlow id="f2" sourceRef="r" targetRef="t" />
				  <bpmn:serviceTask id="t" camunda:delegateExpression="${weekApproved}" />
				  <bpmn:sequenceFlow id="f3" sourceRef="t" targetRef="e" />
				  <bpmn:endEvent id="e" />
				</bpmn:process>
				</bpmn:definitions>
				""");
		try {
			var submitted = owner.client(api).post("/api/v1/timesheets/" + week + "/submit", null);
			assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
			String instance = submitted.json().get("processInstanceId").asText();
			String taskId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
			var completed = manager.client(api).post("/api/v1/tasks/" + taskId + "/complete",
					Map.of("approved", false, "comment", "Friday is missing"));
			assertThat(completed.status()).as(completed.toString()).isEqualTo(409);
			assertThat(weekRow(owner.id(), week)).containsEntry("status", "SUBMITTED").containsEntry("decided_by", null);
			assertThat(tasks.createTaskQuery().processInstanceId(instance).count()).isEqualTo(1);
		}
		finally {
			repository.deleteDeployment(deploymentId, true);
		}
		assertThat(decisionsAudited(owner.id(), week)).isEmpty();
	}

	@Test
	void approvalStepsNamingAnotherApprovalAreRefusedAndLeaveItAsItWas() throws Exception {
		TestUser owner = TestUsers.create(jdbc, "PROCESS_OWNER", "STAFF");
		long contactId = jdbc.sql("insert into contact (name, email) values (?, 'victim@example.com') returning id")
			.param("Victim client " + UUID.randomUUID()).query(Long.class).single();
		long approvalId = jdbc.sql("""
				insert into client_approval (contact_id, owner_id, period_from, period_to, grouping, expires_at,
				                             snapshot, snapshot_hash, total_hours, total_amount,
				                             recipient_name, recipient_email)
				values (?, ?, date '2026-03-02', date '2026-03-15', 'PROJECT', ?, '{}'::jsonb, 'h', 1, 100,
				        'Victim client', 'victim@example.com')
				returning id""")
			.params(contactId, owner.id(), Timestamp.from(Instant.now().plus(30, ChronoUnit.DAYS)))
			.query(Long.class).single();

		for (String delegate : List.of("expireApproval", "approvalDeclined", "makeInvoiceFromApproval",
				"sendApprovalReminder")) {
			String key = "approval-" + delegate + "-" + UUID.randomUUID().toString().substring(0, 8);
			String deploymentId = deployAs(owner, key, timerDiagram(key, delegate,
					Map.of("approvalId", approvalId, "reason", "Not ours")));
			try {
				Job job = management.createJobQuery().processDefinitionKey(key).singleResult();
				assertThatThrownBy(() -> management.executeJob(job.getId())).as(delegate)
					.hasMessageContaining("no client approval is run by this process instance");
			}
			finally {
				repository.deleteDeployment(deploymentId, true);
			}
		}
		assertThat(jdbc.sql("select status from client_approval where id = ?").param(approvalId).query(String.class)
			.single()).isEqualTo("SENT");
		assertThat(jdbc.sql("select count(*) from approval_event where approval_id = ?").param(approvalId)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from notification where user_id = ?").param(owner.id())
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from invoice where approval_id = ?").param(approvalId).query(Long.class)
			.single()).isZero();
	}

	private Map<String, Object> weekRow(long userId, LocalDate week) {
		return jdbc.sql("select status, decided_by from timesheet_week where user_id = ? and week_start = ?")
			.params(userId, week).query().singleRow();
	}

	private List<String> decisionsAudited(long userId, LocalDate week) {
		return jdbc.sql("""
				select action from audit_log where entity_type = 'TimesheetWeek' and entity_id = ?
				   and action in ('APPROVE', 'REJECT', 'RECALL') order by id""")
			.param(new WeekKey(userId, week).businessKey()).query(String.class).list();
	}

	/** A timer start in the past, then one service task calling {@code delegate} with fixed input parameters. */
	private static String timerDiagram(String key, String delegate, Map<String, Object> inputs) {
		StringBuilder parameters = new StringBuilder();
		inputs.forEach((name, value) -> parameters.append("<camunda:inputParameter name=\"").append(name)
			.append("\">").append(value).append("</camunda:inputParameter>\n"));
		return HEAD + """
				<bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
				  <bpmn:startEvent id="s">
				    <bpmn:timerEventDefinition><bpmn:timeDate>2020-12-06T04:07:59Z</bpmn:timeDate></bpmn:timerEventDefinition>
				  </bpmn:startEvent>
				  <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" />
				  <bpmn:serviceTask id="t" camunda:delegateExpression="${%s}">
				    <bpmn:extensionElements><camunda:inputOutput>
				%s
				    </camunda:inputOutput></bpmn:extensionElements>
				  </bpmn:serviceTask>
				  <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e" />
				  <bpmn:endEvent id="e" />
				</bpmn:process>
				</bpmn:definitions>
				""".formatted(key, delegate, parameters);
	}

	/** Deploys through {@code /engine-rest/deployment/create} as Camunda Modeler does; answers the deployment id. */
	private String deployAs(TestUser user, String name, String bpmn) throws IOException, InterruptedException {
		HttpResponse<String> response = ModelerDeployment.post(port,
				ModelerDeployment.basic(user.email(), TestUsers.PASSWORD), "diagram-cannot-decide-" + name,
				name + ".bpmn", bpmn, false);
		assertThat(response.statusCode()).as("the diagram is accepted: " + response.body()).isEqualTo(200);
		JsonNode deployed = JSON.readTree(response.body());
		return deployed.get("id").asText();
	}
}
