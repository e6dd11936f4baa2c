package com.nexustime.billing;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.approval.ApprovalFixture;
import com.nexustime.approval.ClientApprovalService;
import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * client-approval.bpmn after the client approved, as deployed from processes/: the "Convert to invoice" task and
 * the invoice stay in step whichever is done first, and with automatic billing on no task is made at all.
 */
class InvoiceProcessTest extends IntegrationTest {

	static final LocalDate MONDAY = LocalDate.of(2021, 6, 7);

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	ClientApprovalService approvals;

	private BillingFixture fx;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		fx = new BillingFixture(jdbc);
		fx.entry(fx.website, fx.design, MONDAY, 120, "110.00", "Moodboard");
		fx.entry(fx.brochure, fx.management, MONDAY.plusDays(1), 30, "90.00", "Briefing");
	}

	@Test
	void anInvoiceMadeThroughTheApiCompletesTheConvertTask() {
		JsonNode approval = fx.sendForApproval(api, MONDAY, MONDAY.plusDays(6), "PROJECT");
		ProcessInstance instance = instance(approval);
		runJob(instance, "SendToClient");
		BillingFixture.approve(context, approval);
		assertThat(instance).isWaitingAt("ConvertToInvoice").hasPassed("BillAutomatically");
		Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();

		Api.Response made = fx.manager.client(api).post("/api/v1/invoices/from-time",
				Map.of("approvalId", approval.get("id").asText()));

		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		assertThat(instance).isEnded().hasPassed("ConvertToInvoice", "Invoiced").hasNotPassed("MakeInvoice");
		assertThat(history.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count()).isEqualTo(1);
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
			.variableName("invoiceId").singleResult().getValue()).isEqualTo(made.json().get("id").asText());
		assertThat(invoices(approval)).isEqualTo(1);
	}

	@Test
	void completingTheTaskInTheTasklistMakesTheInvoice() {
		JsonNode approval = fx.sendForApproval(api, MONDAY, MONDAY.plusDays(6), "TASK");
		ProcessInstance instance = instance(approval);
		runJob(instance, "SendToClient");
		BillingFixture.approve(context, approval);
		Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(task.getAssignee()).isEqualTo(String.valueOf(fx.manager.id()));

		Api.Response completed = fx.manager.client(api).post("/api/v1/tasks/" + task.getId() + "/complete", Map.of());

		assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
		assertThat(instance).isEnded().hasPassed("Invoiced");
		JsonNode invoice = fx.manager.client(api).get("/api/v1/invoices?contactId=" + fx.contact).json().get(0);
		assertThat(invoice.get("approvalId").asText()).isEqualTo(approval.get("id").asText());
		assertThat(invoice.get("status").asText()).isEqualTo("DRAFT");
		JsonNode full = fx.manager.client(api).get("/api/v1/invoices/" + invoice.get("id").asText()).json();
		assertThat(full.get("lines").size()).isEqualTo(approval.get("lines").size());
		assertThat(full.get("createdBy").asText()).isEqualTo(String.valueOf(fx.manager.id()));
		for (JsonNode entry : full.get("entryIds")) {
			assertThat(fx.status(entry.asLong())).isEqualTo("BILLED");
		}
		// the page's button afterwards finds the invoice already made
		assertThat(fx.manager.client(api).post("/api/v1/invoices/from-time",
				Map.of("approvalId", approval.get("id").asText())).status()).isEqualTo(409);
	}

	@Test
	void aRefusedConversionKeepsTheTaskOpenAndSaysWhy() {
		JsonNode approval = fx.sendForApproval(api, MONDAY, MONDAY.plusDays(6), "PROJECT");
		ProcessInstance instance = instance(approval);
		runJob(instance, "SendToClient");
		BillingFixture.approve(context, approval);
		Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		// an admin's override reopened one of the approved entries in the meantime
		jdbc.sql("""
				update time_entry set status = 'OPEN'
				 where id = (select min(entry_id) from approval_entry where approval_id = ?)""")
			.param(approval.get("id").asLong()).update();

		Api.Response refused = fx.manager.client(api).post("/api/v1/tasks/" + task.getId() + "/complete", Map.of());

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.json().get("detail").asText()).contains("OPEN", "not finalized");
		assertThat(instance).isWaitingAt("ConvertToInvoice");
		assertThat(invoices(approval)).isZero();
		assertThat(jdbc.sql("select count(*) from time_entry where status = 'BILLED' and id in "
				+ "(select entry_id from approval_entry where approval_id = ?)").param(approval.get("id").asLong())
			.query(Long.class).single()).isZero();
	}

	@Test
	void aStaffOwnerCompletesTheTaskTheProcessGaveThem() {
		TestUsers.TestUser owner = fx.staff;
		Api.Response created = owner.client(api).post("/api/v1/approvals", Map.of("contactId", String.valueOf(fx.contact),
				"from", MONDAY.toString(), "to", MONDAY.plusDays(6).toString(), "grouping", "PROJECT"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode approval = created.json();
		ProcessInstance instance = instance(approval);
		runJob(instance, "SendToClient");
		BillingFixture.approve(context, approval);
		Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();

		assertThat(owner.client(api).post("/api/v1/tasks/" + task.getId() + "/complete", Map.of()).status())
			.isEqualTo(204);

		assertThat(instance).isEnded().hasPassed("Invoiced");
		assertThat(invoices(approval)).isEqualTo(1);
		assertThat(owner.client(api).get("/api/v1/invoices").status()).as("staff still see no invoices").isEqualTo(403);
	}

	@Test
	void withAutomaticBillingTheProcessMakesTheInvoiceInsteadOfTheTask() {
		setAutoInvoice(true);
		try {
			JsonNode approval = fx.sendForApproval(api, MONDAY, MONDAY.plusDays(6), "PROJECT");
			ProcessInstance instance = instance(approval);
			runJob(instance, "SendToClient");
			BillingFixture.approve(context, approval);

			// a job of its own, after the client's approval committed
			assertThat(instance).isWaitingAt("MakeInvoice").hasPassed("BillAutomatically");
			assertThat(invoices(approval)).isZero();
			runJob(instance, "MakeInvoice");

			assertThat(instance).isEnded().hasPassed("MakeInvoice", "InvoicedAutomatically")
				.hasNotPassed("ConvertToInvoice");
			assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
			assertThat(invoices(approval)).isEqualTo(1);
			assertThat(jdbc.sql("select actor from audit_log where entity_type = 'Invoice' and action = 'CREATE' "
					+ "and entity_id = (select id::text from invoice where approval_id = ?)")
				.param(approval.get("id").asLong()).query(String.class).single()).isEqualTo("system");
		}
		finally {
			setAutoInvoice(false);
		}
	}

	@Test
	void anInvoiceMadeBeforeTheProcessGetsThereIsFoundNotMadeTwice() {
		JsonNode approval = fx.sendForApproval(api, MONDAY, MONDAY.plusDays(6), "PROJECT");
		ProcessInstance instance = instance(approval);
		// the client signs from a resent mail and the manager bills before the process's mail job has even run
		String token = ApprovalFixture.token(ApprovalFixture.resentLink(context, approval.get("id").asLong()));
		assertThat(approvals.approve(token, "Dana Client", "198.51.100.7", "Test/1.0")).isTrue();
		assertThat(fx.manager.client(api).post("/api/v1/invoices/from-time",
				Map.of("approvalId", approval.get("id").asText())).status()).isEqualTo(201);

		runJob(instance, "SendToClient");
		assertThat(instance).isWaitingAt("MakeInvoice");
		runJob(instance, "MakeInvoice");

		assertThat(instance).isEnded().hasPassed("InvoicedAutomatically").hasNotPassed("ConvertToInvoice");
		assertThat(invoices(approval)).isEqualTo(1);
	}

	private ProcessInstance instance(JsonNode approval) {
		return runtime.createProcessInstanceQuery().processInstanceBusinessKey("approval:" + approval.get("id").asText())
			.singleResult();
	}

	private void runJob(ProcessInstance instance, String activity) {
		Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activity).singleResult();
		assertThat(job).as("job at %s", activity).isNotNull();
		management.executeJob(job.getId());
	}

	private long invoices(JsonNode approval) {
		return jdbc.sql("select count(*) from invoice where approval_id = ? and status <> 'VOID'")
			.param(approval.get("id").asLong()).query(Long.class).single();
	}

	private void setAutoInvoice(boolean on) {
		jdbc.sql("update workspace set auto_invoice = ? where id = 1").param(on).update();
	}
}
