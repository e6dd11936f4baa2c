package com.nexustime.budget;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
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
}
