package com.nexustime.budget;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The purchase-order threshold alert through the API: seed scenario 5 and the saves that must (not) raise it. */
class PoAlertApiTest extends IntegrationTest {

	private static final String DAY = "2026-11-18";

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	private BudgetFixture f;

	private String recipientsBefore;

	private java.math.BigDecimal thresholdBefore;

	@BeforeEach
	void setUp() {
		f = new BudgetFixture(jdbc);
		recipientsBefore = jdbc.sql("select alert_recipients from workspace where id = 1").query(String.class).single();
		thresholdBefore = jdbc.sql("select po_alert_threshold_percent from workspace where id = 1")
			.query(java.math.BigDecimal.class)
			.single();
		jdbc.sql("update workspace set alert_recipients = ?, po_alert_threshold_percent = 95 where id = 1")
			.param("finance-" + f.unique + "@test.local,pm-" + f.unique + "@test.local").update();
	}

	@AfterEach
	void restoreWorkspace() {
		jdbc.sql("update workspace set alert_recipients = ?, po_alert_threshold_percent = ? where id = 1")
			.params(recipientsBefore, thresholdBefore).update();
	}

	private Api.Response fixedCost(Api.Client client, String amount) {
		return client.post("/api/v1/time-entries", Map.of("type", "FIXED_COST", "projectId", f.project,
				"activityId", f.fixedCost, "date", DAY, "amount", amount));
	}

	private JsonNode created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	@Test
	void crossingTheThresholdAlertsOnceAndAgainAfterFallingBelow() {
		Api.Client staff = f.staff.client(api);
		assertThat(created(fixedCost(staff, "9400.00")).path("alerts")).isEmpty();

		JsonNode crossing = created(fixedCost(staff, "200.00"));
		JsonNode alerts = crossing.path("alerts");
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).path("type").asText()).isEqualTo("PO_THRESHOLD");
		assertThat(alerts.get(0).path("poNumber").asText()).isEqualTo(f.poNumber);
		assertThat(alerts.get(0).path("invoiceGroup").asText()).isEqualTo(f.invoiceGroup);
		assertThat(alerts.get(0).path("percent").asText()).isEqualTo("96.00");

		// already above the line: no second alert
		assertThat(created(fixedCost(staff, "10.00")).path("alerts")).isEmpty();
		assertThat(f.alerts(f.project)).isEqualTo(1);

		// back below the line (94.10 %), then over it again: a new crossing
		assertThat(staff.delete("/api/v1/time-entries/" + crossing.path("id").asText()).status()).isEqualTo(204);
		assertThat(jdbc.sql("select last_percent from po_alert_state where purchase_order_id = ?")
			.param(f.purchaseOrder).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("94.10");
		JsonNode again = created(fixedCost(staff, "200.00"));
		assertThat(again.path("alerts")).hasSize(1);
		assertThat(again.path("alerts").get(0).path("percent").asText()).isEqualTo("96.10");
		assertThat(f.alerts(f.project)).isEqualTo(2);
	}

	@Test
	void theAlertIsStoredNotifiedMailedAndFollowedUpByTheProjectManager() {
		Api.Client staff = f.staff.client(api);
		created(fixedCost(staff, "9400.00"));
		JsonNode entry = created(fixedCost(staff, "200.00"));

		PoAlert alert = jdbc.sql("select " + PoAlert.COLUMNS + " from po_alert where project_id = ?").param(f.project)
			.query(PoAlert.class).single();
		assertThat(alert.poNumber()).isEqualTo(f.poNumber);
		assertThat(alert.invoiceGroup()).isEqualTo(f.invoiceGroup);
		assertThat(alert.percent()).isEqualByComparingTo("96.00");
		assertThat(alert.percentBefore()).isEqualByComparingTo("94.00");
		assertThat(alert.cost()).isEqualByComparingTo("9600.00");
		assertThat(alert.amount()).isEqualByComparingTo("10000.00");
		assertThat(alert.raisedBy()).isEqualTo(f.staff.id());
		assertThat(alert.timeEntryId()).isEqualTo(entry.path("id").asLong());
		assertThat(alert.raisedAt()).isNotNull();

		// in the app: the saver and the project manager
		for (long user : List.of(f.staff.id(), f.manager.id())) {
			assertThat(jdbc.sql("select message from notification where user_id = ? and kind = 'PO_ALERT'").param(user)
				.query(String.class).list()).singleElement().asString().contains(f.poNumber, f.invoiceGroup, "96 %");
		}
		// by mail, through the outbox: one per recipient, nothing sent on the request path
		List<Map<String, Object>> mails = jdbc.sql("select recipient, subject, body, status from mail_outbox "
				+ "where recipient like ? order by recipient").param("%-" + f.unique + "@test.local").query().listOfRows();
		assertThat(mails).extracting(m -> m.get("recipient"))
			.containsExactly("finance-" + f.unique + "@test.local", "pm-" + f.unique + "@test.local");
		assertThat(mails).allSatisfy(m -> {
			assertThat((String) m.get("subject")).contains(f.poNumber, "96 %");
			assertThat((String) m.get("body")).contains(f.invoiceGroup, "9600.00", "10000.00");
		});

		// the follow-up process waits for the project manager
		ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("po-alert:" + alert.id())
			.singleResult();
		assertThat(instance).isNotNull();
		assertThat(instance.getId()).isEqualTo(alert.processInstanceId());
		Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys().singleResult();
		assertThat(task.getTaskDefinitionKey()).isEqualTo("SecureFunds");
		assertThat(task.getName()).isEqualTo("Secure additional PO funds");
		assertThat(task.getAssignee()).isEqualTo(String.valueOf(f.manager.id()));
		assertThat(task.getFormKey()).isEqualTo("nexus:po-follow-up");

		Api.Client manager = f.manager.client(api);
		JsonNode myTasks = manager.get("/api/v1/tasks").json();
		assertThat(myTasks.findValuesAsText("id")).contains(task.getId());
		Api.Response missingOutcome = manager.post("/api/v1/tasks/" + task.getId() + "/complete", Map.of("note", "?"));
		assertThat(missingOutcome.status()).as(missingOutcome.toString()).isEqualTo(422);
		Api.Response done = manager.post("/api/v1/tasks/" + task.getId() + "/complete",
				Map.of("outcome", "NEW_PO", "newPoNumber", "PO-2-" + f.unique, "note", "Signed by the client today"));
		assertThat(done.status()).as(done.toString()).isEqualTo(204);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();

		JsonNode listed = staff.get("/api/v1/projects/" + f.project + "/po-alerts").json();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).path("outcome").asText()).isEqualTo("NEW_PO");
		assertThat(listed.get(0).path("outcomeNote").asText()).contains("PO-2-" + f.unique, "Signed by the client today");
		assertThat(listed.get(0).path("followedUpBy").asText()).isEqualTo(String.valueOf(f.manager.id()));
	}

	@Test
	void hoursTimesRateCountAndTheTimerStopReportsTheCrossing() {
		f.projectRate(f.project, "100.00");
		Api.Client staff = f.staff.client(api);
		created(fixedCost(staff, "9400.00"));
		Api.Response started = staff.post("/api/v1/timer", Map.of("projectId", f.project, "activityId", f.design,
				"startedAt", Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString()));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		Api.Response stopped = staff.post("/api/v1/timer/stop", Map.of());
		assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
		JsonNode alerts = stopped.json().path("alerts");
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).path("percent").asText()).isEqualTo("96.00");
	}

	@Test
	void anEntryCountsAgainstThePurchaseOrderItNamesAndMovingItChangesBoth() {
		long second = f.purchaseOrder(f.project, "PO-B-" + f.unique, "Print " + f.unique, "1000.00");
		Api.Client staff = f.staff.client(api);
		created(fixedCost(staff, "9400.00"));
		// 900 of 1,000 on the second order: 90 %, and the first stays at 94 %
		JsonNode onSecond = created(staff.post("/api/v1/time-entries", Map.of("type", "FIXED_COST", "projectId",
				f.project, "activityId", f.fixedCost, "date", DAY, "amount", "900.00", "purchaseOrderId", second)));
		assertThat(onSecond.path("purchaseOrderId").asText()).isEqualTo(String.valueOf(second));
		assertThat(onSecond.path("alerts")).isEmpty();

		JsonNode small = created(fixedCost(staff, "60.00"));
		assertThat(small.path("purchaseOrderId").isMissingNode()).isTrue();
		assertThat(small.path("alerts")).isEmpty();
		// moving 60.00 from the first order to the second: the second reaches 96 %, the first falls to 94 %
		Api.Response moved = staff.patch("/api/v1/time-entries/" + small.path("id").asText(),
				Map.of("purchaseOrderId", second));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(moved.json().path("alerts")).hasSize(1);
		assertThat(moved.json().path("alerts").get(0).path("poNumber").asText()).isEqualTo("PO-B-" + f.unique);
		assertThat(moved.json().path("alerts").get(0).path("invoiceGroup").asText()).isEqualTo("Print " + f.unique);
		assertThat(moved.json().path("alerts").get(0).path("percent").asText()).isEqualTo("96.00");

		// the first order is now at 94 %: 100.00 more takes it to 95 % exactly, which crosses
		JsonNode atNinetyFive = created(fixedCost(staff, "100.00"));
		assertThat(atNinetyFive.path("alerts").findValuesAsText("poNumber")).containsExactly(f.poNumber);
		assertThat(atNinetyFive.path("alerts").get(0).path("percent").asText()).isEqualTo("95.00");
	}

	@Test
	void movingAnEntryToAnotherProjectChecksBothProjects() {
		long other = f.project("Other " + f.unique);
		f.purchaseOrder(other, "PO-O-" + f.unique, "Other " + f.unique, "100.00");
		Api.Client staff = f.staff.client(api);
		created(fixedCost(staff, "9400.00"));
		JsonNode big = created(fixedCost(staff, "200.00"));
		assertThat(big.path("alerts")).hasSize(1);
		// 200.00 leaves the first project (back to 94 %) and puts the other one at 200 %
		Api.Response moved = staff.patch("/api/v1/time-entries/" + big.path("id").asText(), Map.of("projectId", other));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(moved.json().path("alerts").findValuesAsText("poNumber")).containsExactly("PO-O-" + f.unique);
		assertThat(moved.json().path("alerts").get(0).path("percent").asText()).isEqualTo("200.00");
		assertThat(jdbc.sql("select last_percent from po_alert_state where purchase_order_id = ?").param(f.purchaseOrder)
			.query(java.math.BigDecimal.class).single()).isEqualByComparingTo("94.00");
	}

	@Test
	void aPurchaseOrderOfAnotherProjectIsRefusedNamingTheField() {
		long other = f.project("Other " + f.unique);
		long foreign = f.purchaseOrder(other, "PO-X-" + f.unique, "Foreign " + f.unique, "100.00");
		Api.Response refused = f.staff.client(api).post("/api/v1/time-entries", Map.of("type", "FIXED_COST",
				"projectId", f.project, "activityId", f.fixedCost, "date", DAY, "amount", "10.00", "purchaseOrderId",
				foreign));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("purchaseOrderId");

		JsonNode entry = created(fixedCost(f.staff.client(api), "10.00"));
		Api.Response patched = f.staff.client(api).patch("/api/v1/time-entries/" + entry.path("id").asText(),
				Map.of("purchaseOrderId", foreign));
		assertThat(patched.status()).as(patched.toString()).isEqualTo(422);
		assertThat(patched.json().path("errors").findValuesAsText("field")).containsExactly("purchaseOrderId");
	}

	@Test
	void aProjectWithoutPurchaseOrderRaisesNothing() {
		long bare = f.project("Bare " + f.unique);
		Api.Response saved = f.staff.client(api).post("/api/v1/time-entries", Map.of("type", "FIXED_COST",
				"projectId", bare, "activityId", f.fixedCost, "date", DAY, "amount", "99999.00"));
		assertThat(created(saved).path("alerts")).isEmpty();
		assertThat(f.alerts(bare)).isZero();
		assertThat(f.staff.client(api).get("/api/v1/projects/" + bare + "/po-alerts").json()).isEmpty();
		assertThat(f.staff.client(api).get("/api/v1/projects/999999999/po-alerts").status()).isEqualTo(404);
	}
}
