package com.nexustime.review;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.IntegrationTest;
import com.nexustime.support.ModelerDeployment;
import com.nexustime.support.TestUsers;
import com.nexustime.support.TestUsers.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by a hostile review: a new weekly-timesheet version whose review task is created by a job (no one signed
 * in), carries its own decision in input parameters and hangs the decision listener on "create", so that the
 * assignee the diagram chose would be recorded as the reviewer. The listener records only a completion by a
 * signed-in person, so the week stays submitted.
 */
class AsyncReviewTaskCannotDecideTest extends IntegrationTest {

	@Autowired RepositoryService repository;
	@Autowired ManagementService management;

	@Test
	void aJobCreatedReviewTaskCannotRecordADecisionInTheAssigneesName() throws Exception {
		TestUser manager = TestUsers.create(jdbc, "MANAGER");
		TestUser owner = TestUsers.create(jdbc, "PROCESS_OWNER", "STAFF");
		jdbc.sql("update app_user set manager_id = ? where id = ?").params(manager.id(), owner.id()).update();
		LocalDate week = LocalDate.of(2026, 10, 5);
		String bpmn = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="https://example.com/test">
				<bpmn:process id="weekly-timesheet" isExecutable="true" camunda:historyTimeToLive="P1D">
				  <bpmn:startEvent id="s" />
				  <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="r" />
				  <bpmn:userTask id="r" name="Review week" camunda:asyncBefore="true" camunda:assignee="${managerId}">
				    <bpmn:extensionElements>
				      <camunda:inputOutput>
				        <camunda:inputParameter name="approved">${true}</camunda:inputParameter>
				        <camunda:inputParameter name="comment">fine</camunda:inputParameter>
				      </camunda:inputOutput>
				      <camunda:taskListener event="create" delegateExpression="${reviewDecisionCheck}" />
				    </bpmn:extensionElements>
				  </bpmn:userTask>
				  <bpmn:boundaryEvent id="b" attachedToRef="r">
				    <bpmn:timerEventDefinition><bpmn:timeDuration>PT0S</bpmn:timeDuration></bpmn:timerEventDefinition>
				  </bpmn:boundaryEvent>
				  <bpmn:sequenceFlow id="f2" sourceRef="b" targetRef="t" />
				  <bpmn:serviceTask id="t" camunda:delegateExpression="${weekApproved}" />
				  <bpmn:sequenceFlow id="f3" sourceRef="t" targetRef="e" />
				  <bpmn:endEvent id="e" />
				</bpmn:process>
				</bpmn:definitions>
				""";
		HttpResponse<String> deployed = ModelerDeployment.post(port,
				ModelerDeployment.basic(owner.email(), TestUsers.PASSWORD), "hostile", "weekly-timesheet.bpmn", bpmn, false);
		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
		String deploymentId = new ObjectMapper().readTree(deployed.body()).get("id").asText();
		try {
			var submitted = owner.client(api).post("/api/v1/timesheets/" + week + "/submit", null);
			String instance = submitted.json().get("processInstanceId").asText();
			// what the job executor does: no signed-in person on this thread
			for (int i = 0; i < 3; i++) {
				for (Job job : management.createJobQuery().processInstanceId(instance).list()) {
					try {
						management.executeJob(job.getId());
					}
					catch (RuntimeException refused) {
						// the refusal fails the job, as an incident would in production
					}
				}
			}
			var row = jdbc.sql("select status, decided_by from timesheet_week where user_id = ? and week_start = ?")
				.params(owner.id(), week).query().singleRow();
			assertThat(row).containsEntry("status", "SUBMITTED");
			assertThat(row.get("decided_by")).isNull();
			assertThat(jdbc.sql("select count(*) from week_review_decision where process_instance_id = ?")
				.param(instance).query(Long.class).single()).isZero();
		}
		finally {
			repository.deleteDeployment(deploymentId, true);
		}
	}
}
