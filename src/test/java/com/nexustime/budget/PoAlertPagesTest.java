package com.nexustime.budget;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** The manual entry form tells the person who saved that the save crossed the threshold, once. */
class PoAlertPagesTest extends IntegrationTest {

	@Test
	void theEntryFormShowsTheAlertAfterTheSaveThatCrossed() {
		BudgetFixture f = new BudgetFixture(jdbc);
		FormSession browser = FormSession.signIn(port, f.staff.email(), TestUsers.PASSWORD);
		browser.get("/time");
		Map<String, String> cost = Map.of("type", "FIXED_COST", "date", "2026-11-18", "projectId",
				String.valueOf(f.project), "activityId", String.valueOf(f.fixedCost), "amount", "9400.00");
		FormSession.Page first = browser.post("/time", cost);
		assertThat(first.status()).as(first.body()).isEqualTo(302);
		assertThat(browser.follow(first).body()).doesNotContain("Budget alert");

		FormSession.Page crossing = browser.post("/time", Map.of("type", "FIXED_COST", "date", "2026-11-18",
				"projectId", String.valueOf(f.project), "activityId", String.valueOf(f.fixedCost), "amount", "200.00"));
		assertThat(crossing.status()).isEqualTo(302);
		assertThat(browser.follow(crossing).body()).contains("Budget alert",
				"PO " + f.poNumber + " (" + f.invoiceGroup + ") has reached 96 % of its amount.");

		FormSession.Page later = browser.post("/time", Map.of("type", "FIXED_COST", "date", "2026-11-18",
				"projectId", String.valueOf(f.project), "activityId", String.valueOf(f.fixedCost), "amount", "5.00"));
		assertThat(browser.follow(later).body()).doesNotContain("Budget alert");
	}

	@Test
	void theEntryFormOffersThePurchaseOrdersOfAProjectWithSeveral() {
		BudgetFixture f = new BudgetFixture(jdbc);
		FormSession browser = FormSession.signIn(port, f.staff.email(), TestUsers.PASSWORD);
		browser.get("/time");
		long other = f.project("Other " + f.unique);
		long foreign = f.purchaseOrder(other, "PO-X-" + f.unique, "Foreign " + f.unique, "100.00");
		FormSession.Page refused = browser.post("/time", Map.of("type", "FIXED_COST", "date", "2026-11-18",
				"projectId", String.valueOf(f.project), "activityId", String.valueOf(f.fixedCost), "amount", "10.00",
				"purchaseOrderId", String.valueOf(foreign)));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("no such purchase order on this project");

		long print = f.purchaseOrder(f.project, "PO-P-" + f.unique, "Print " + f.unique, "500.00");
		FormSession.Page shown = browser.post("/time", Map.of("type", "FIXED_COST", "date", "2026-11-18",
				"projectId", String.valueOf(f.project), "activityId", String.valueOf(f.fixedCost), "amount", "",
				"purchaseOrderId", String.valueOf(print)));
		assertThat(shown.body()).contains("PO-P-" + f.unique + " · Print " + f.unique, f.poNumber + " · " + f.invoiceGroup);

		FormSession.Page saved = browser.post("/time", Map.of("type", "FIXED_COST", "date", "2026-11-18",
				"projectId", String.valueOf(f.project), "activityId", String.valueOf(f.fixedCost), "amount", "480.00",
				"purchaseOrderId", String.valueOf(print)));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(browser.follow(saved).body()).contains("PO PO-P-" + f.unique + " (Print " + f.unique
				+ ") has reached 96 % of its amount.");
		assertThat(jdbc.sql("select purchase_order_id from time_entry where project_id = ?").param(f.project)
			.query(Long.class).single()).isEqualTo(print);
	}

	@Test
	void theManagerSeesTheAlertBesideTheFollowUpFormAndCompletesIt() {
		BudgetFixture f = new BudgetFixture(jdbc);
		f.staff.client(api).post("/api/v1/time-entries", Map.of("type", "FIXED_COST", "projectId", f.project,
				"activityId", f.fixedCost, "date", "2026-11-18", "amount", "9600.00"));
		String taskId = f.manager.client(api).get("/api/v1/tasks").json().findValuesAsText("id").get(0);

		FormSession browser = FormSession.signIn(port, f.manager.email(), TestUsers.PASSWORD);
		FormSession.Page page = browser.get("/tasks/" + taskId);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Secure additional PO funds", "id=\"po-alert-summary\"", f.poNumber,
				f.invoiceGroup, "10000.00", "9600.00", "96 %", "95 %", "The client issued a new PO");

		FormSession.Page done = browser.post("/tasks/" + taskId, Map.of("outcome", "WORK_PAUSED",
				"note", "Waiting for the client's purchasing"));
		assertThat(done.status()).isEqualTo(302);
		assertThat(jdbc.sql("select outcome from po_alert where project_id = ?").param(f.project).query(String.class)
			.single()).isEqualTo("WORK_PAUSED");
	}
}
