package com.nexustime.budget;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** The po-budget-alert diagram as deployed from processes/, driven through the engine and its delegates. */
class PoBudgetAlertProcessTest extends IntegrationTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	PoAlerts alerts;

	@Autowired
	RepositoryService repository;

	@Autowired
	ManagementService management;

	private BudgetFixture f;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		f = new BudgetFixture(jdbc);
	}

	private long alert(long projectId) {
		return jdbc.sql("""
				insert into po_alert (purchase_order_id, project_id, po_number, invoice_group, threshold_percent,
				                      percent_before, percent, cost, amount, raised_by)
				values (?, ?, ?, ?, 95, 94, 96, 9600, 10000, ?) returning id""")
			.params(f.purchaseOrder, projectId, f.poNumber, f.invoiceGroup, f.staff.id()).query(Long.class).single();
	}

	private ProcessInstance start(long alertId, Long managerId) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("alertId", String.valueOf(alertId));
		variables.put("projectId", String.valueOf(f.project));
		variables.put("poNumber", f.poNumber);
		variables.put("invoiceGroup", f.invoiceGroup);
		variables.put("percent", "96.00");
		variables.put("managerId", managerId == null ? null : String.valueOf(managerId));
		// as a save does: the app starts the instance and records it on the alert
		String id = alerts.startFollowUp(alertId, variables, f.staff.id());
		return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
	}

	private long notifications(long userId) {
		return jdbc.sql("select count(*) from notification where user_id = ? and kind = 'PO_ALERT'").param(userId)
			.query(Long.class).single();
	}

	@Test
	void notifyThenTheManagerSecuresFundsAndTheOutcomeIsRecorded() {
		long alertId = alert(f.project);
		ProcessInstance instance = start(alertId, f.manager.id());

		assertThat(instance).hasPassed("ThresholdReached", "NotifyRecipients").isWaitingAt("SecureFunds");
		assertThat(notifications(f.staff.id())).isEqualTo(1);
		assertThat(notifications(f.manager.id())).isEqualTo(1);
		Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys().singleResult();
		assertThat(task.getName()).isEqualTo("Secure additional PO funds");
		assertThat(task.getAssignee()).isEqualTo(String.valueOf(f.manager.id()));
		assertThat(task.getFormKey()).isEqualTo("nexus:po-follow-up");

		tasks.complete(task.getId(), Map.of("outcome", "PO_INCREASED", "note", "Client adds 5,000.00",
				"reviewedBy", String.valueOf(f.manager.id())));

		assertThat(instance).isEnded().hasPassedInOrder("ThresholdReached", "NotifyRecipients", "SecureFunds",
				"RecordOutcome", "FollowedUp");
		Map<String, Object> stored = jdbc.sql("select outcome, outcome_note, followed_up_by, followed_up_at "
				+ "from po_alert where id = ?").param(alertId).query().singleRow();
		assertThat(stored.get("outcome")).isEqualTo("PO_INCREASED");
		assertThat(stored.get("outcome_note")).isEqualTo("Client adds 5,000.00");
		assertThat(stored.get("followed_up_by")).isEqualTo(f.manager.id());
		assertThat(stored.get("followed_up_at")).isNotNull();
	}

	@Test
	void aProjectWithoutManagerGivesTheTaskToTheManagersGroup() {
		jdbc.sql("update project set manager_id = null where id = ?").param(f.project).update();
		long alertId = alert(f.project);
		ProcessInstance instance = start(alertId, null);

		assertThat(instance).isWaitingAt("SecureFunds");
		assertThat(notifications(f.staff.id())).isEqualTo(1);
		Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(task.getAssignee()).isNull();
		assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup("managers").count()).isEqualTo(1);
	}

	@Test
	void theFollowUpAloneRecordsANewPurchaseOrder() {
		long alertId = alert(f.project);
		ProcessInstance instance = runtime.createProcessInstanceByKey(PoAlerts.PROCESS)
			.businessKey("po-alert:" + alertId)
			.setVariables(Map.of("alertId", String.valueOf(alertId), "managerId", String.valueOf(f.manager.id())))
			.startBeforeActivity("SecureFunds").execute();
		jdbc.sql("update po_alert set process_instance_id = ? where id = ?").params(instance.getId(), alertId).update();
		assertThat(instance).isWaitingAt("SecureFunds").hasNotPassed("NotifyRecipients");
		assertThat(notifications(f.manager.id())).isZero();

		Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		tasks.complete(task.getId(), Map.of("outcome", "NEW_PO", "newPoNumber", " 4712 "));
		assertThat(instance).isEnded().hasPassed("RecordOutcome");
		assertThat(jdbc.sql("select outcome_note from po_alert where id = ?").param(alertId).query(String.class)
			.single()).isEqualTo("New PO 4712");
	}

	/** A step acts on its own instance's alert: variables naming another alert are refused, nothing recorded. */
	@Test
	void aStepNamingAnotherAlertIsRefused() {
		long mine = alert(f.project);
		long other = alert(f.project);
		Map<String, Object> variables = new HashMap<>();
		variables.put("alertId", String.valueOf(other));
		variables.put("managerId", String.valueOf(f.manager.id()));
		assertThatThrownBy(() -> alerts.startFollowUp(mine, variables, f.staff.id()))
			.hasMessageContaining("name alert " + other);
		assertThat(notifications(f.manager.id())).isZero();
		assertThat(jdbc.sql("select count(*) from po_alert where id in (?, ?) and process_instance_id is not null")
			.params(mine, other).query(Long.class).single()).isZero();
	}

	/** A timer-started diagram (no alert names its instance) cannot record an outcome on an alert. */
	@Test
	void aDiagramTheAppDidNotStartCannotRecordAnOutcome() {
		long alertId = alert(f.project);
		String key = "po-outcome-" + alertId;
		String deployment = repository.createDeployment().name(key).addString(key + ".bpmn", """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="https://example.com/t">
				  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="s"><bpmn:timerEventDefinition>
				      <bpmn:timeDate>2020-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>
				    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" />
				    <bpmn:serviceTask id="t" camunda:delegateExpression="${poAlertFollowedUp}">
				      <bpmn:extensionElements><camunda:inputOutput>
				        <camunda:inputParameter name="alertId">%d</camunda:inputParameter>
				        <camunda:inputParameter name="outcome">PO_INCREASED</camunda:inputParameter>
				        <camunda:inputParameter name="reviewedBy">%d</camunda:inputParameter>
				      </camunda:inputOutput></bpmn:extensionElements>
				    </bpmn:serviceTask>
				    <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e" />
				    <bpmn:endEvent id="e" />
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(key, alertId, f.manager.id())).deploy().getId();
		try {
			String job = management.createJobQuery().processDefinitionKey(key).singleResult().getId();
			assertThatThrownBy(() -> management.executeJob(job))
				.hasMessageContaining("no PO alert is followed up by this process instance");
		}
		finally {
			repository.deleteDeployment(deployment, true);
		}
		assertThat(jdbc.sql("select outcome from po_alert where id = ?").param(alertId).query(String.class).optional()
			.orElse(null)).isNull();
	}
}
