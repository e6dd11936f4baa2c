package com.nexustime.finance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** The financial summary over HTTP, from entries created, finalized and billed the way users do it. */
class ProjectSummaryApiTest extends IntegrationTest {

	private static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);

	private static final LocalDate NOV_9 = LocalDate.of(2026, 11, 9);

	private static final LocalDate NOV_16 = LocalDate.of(2026, 11, 16);

	private FinanceFixture f;

	@BeforeEach
	void fixture() {
		f = new FinanceFixture(api, admin(), jdbc);
	}

	/** The seed's scenario 3: the account manager sees 5,400 billed, 1,800 finalized, 2,300 not billed, 7,200 total. */
	@Test
	void theAccountManagersScenario() {
		String project = f.project("STANDARD", "HOURLY");

		// invoiced work of early November: 24 h design, 24 h management, a 600.00 vendor cost
		List<String> invoiced = new ArrayList<>();
		for (int day = 0; day < 3; day++) {
			invoiced.add(f.time(project, f.design, NOV_2.plusDays(day), 8));
			invoiced.add(f.time(project, f.management, NOV_2.plusDays(day), 8));
		}
		invoiced.add(f.fixedCost(project, NOV_2.plusDays(3), "600.00"));
		JsonNode first = f.finalizeThrough(project, NOV_2.plusDays(4));
		assertThat(first.get("finalized").asInt()).isEqualTo(7);
		f.bill(invoiced);

		// finalized, not yet invoiced: 8 h design, 6 h management and a 400.00 charge
		String design = f.time(project, f.design, NOV_9, 8);
		String management = f.time(project, f.management, NOV_9.plusDays(1), 6);
		String charge = f.adjustment(project, NOV_9.plusDays(2), "400.00");
		// waiting for the client: stays out of the finalization, counts as not billed
		String waiting = f.time(project, f.design, NOV_9.plusDays(3), 2);
		jdbc.sql("update time_entry set status = 'IN_PROCESS' where id = ?").param(Long.valueOf(waiting)).update();
		JsonNode second = f.finalizeThrough(project, NOV_9.plusDays(4));
		assertThat(second.get("entryIds")).extracting(JsonNode::asText).containsExactlyInAnyOrder(design, management, charge);

		// open work of the third week: 13 h design, 8 h management
		f.time(project, f.design, NOV_16, 8);
		f.time(project, f.design, NOV_16.plusDays(1), 5);
		f.time(project, f.management, NOV_16, 8);
		// beside the summary: an open fixed cost and an open credit; out of it: non-billable time
		f.fixedCost(project, NOV_16.plusDays(2), "250.00");
		f.adjustment(project, NOV_16.plusDays(3), "-50.00");
		f.time(project, f.design, NOV_16.plusDays(2), 3, Map.of("billable", false));

		JsonNode summary = f.summary(project);
		assertThat(summary.get("billed").asText()).isEqualTo("5400.00");
		assertThat(summary.get("finalizedToBill").asText()).isEqualTo("1800.00");
		assertThat(summary.get("notBilled").asText()).isEqualTo("2300.00");
		assertThat(summary.get("notBilledDc").asText()).isEqualTo("1500.00");
		assertThat(summary.get("notBilledHourly").asText()).isEqualTo("800.00");
		assertThat(summary.get("total").asText()).isEqualTo("7200.00");
		assertThat(summary.get("notBilledFixed").asText()).isEqualTo("250.00");
		assertThat(summary.get("notBilledAdjustments").asText()).isEqualTo("-50.00");
		assertThat(summary.get("perPiece").asText()).isEqualTo("0.00");
		assertThat(summary.get("budget").asText()).isEqualTo("0.00");
		assertThat(summary.get("purchaseOrders").isArray()).isTrue();

		// managers and auditors read it too; staff do not
		assertThat(f.manager.client(api).get("/api/v1/projects/" + project + "/summary").json().get("total").asText())
			.isEqualTo("7200.00");
		assertThat(TestUsers.create(jdbc, "AUDITOR").client(api).get("/api/v1/projects/" + project + "/summary").status())
			.isEqualTo(200);
		Api.Response staff = f.staff.client(api).get("/api/v1/projects/" + project + "/summary");
		assertThat(staff.status()).isEqualTo(403);
		assertThat(staff.contentType()).contains("problem+json");
		assertThat(admin().get("/api/v1/projects/987654321/summary").status()).isEqualTo(404);
		assertThat(admin().get("/api/v1/projects/abc/summary").status()).isEqualTo(404);
	}

	@Test
	void perPieceAndBudgetDollarsCountInEveryState() {
		String project = f.project("PER_PIECE", "HOURLY");
		String billedPiece = f.time(project, f.perPiece, NOV_2, 3);
		f.finalizeThrough(project, NOV_2);
		f.bill(List.of(billedPiece));
		f.time(project, f.perPiece, NOV_9, 2);
		f.time(project, f.budget, NOV_9, 1);
		f.time(project, f.design, NOV_9.plusDays(1), 1);
		f.fixedCost(project, NOV_9.plusDays(1), "75.00");

		JsonNode summary = f.summary(project);
		assertThat(summary.get("perPiece").asText()).isEqualTo("500.00");
		assertThat(summary.get("budget").asText()).isEqualTo("100.00");
		assertThat(summary.get("billed").asText()).isEqualTo("300.00");
		// per-piece and budget work is neither D/C nor hourly
		assertThat(summary.get("notBilled").asText()).isEqualTo("100.00");
		assertThat(summary.get("notBilledDc").asText()).isEqualTo("100.00");
		assertThat(summary.get("notBilledHourly").asText()).isEqualTo("0.00");
		assertThat(summary.get("notBilledFixed").asText()).isEqualTo("75.00");
		assertThat(summary.get("total").asText()).isEqualTo("300.00");
	}

	@Test
	void notInvoicedEntriesAreCostButNotBilling() {
		String project = f.project("STANDARD", "INVOICE_BUDGET");
		f.purchaseOrder(project, "PO-" + f.unique, "1000.00", "Main");
		f.time(project, f.design, NOV_9, 4);
		f.time(project, f.design, NOV_9.plusDays(1), 2, Map.of("notInvoiced", true));
		String freeCost = f.fixedCost(project, NOV_9.plusDays(1), "100.00");
		assertThat(f.admin.patch("/api/v1/time-entries/" + freeCost, Map.of("notInvoiced", true)).status())
			.isEqualTo(200);

		JsonNode summary = f.summary(project);
		assertThat(summary.get("notBilledDc").asText()).isEqualTo("400.00");
		assertThat(summary.get("notBilledFixed").asText()).isEqualTo("0.00");
		JsonNode po = summary.get("purchaseOrders").get(0);
		assertThat(po.get("number").asText()).isEqualTo("PO-" + f.unique);
		assertThat(po.get("invoiceGroup").asText()).isEqualTo("Main");
		assertThat(po.get("amount").asText()).isEqualTo("1000.00");
		assertThat(po.get("cost").asText()).isEqualTo("700.00");
		assertThat(po.get("percentUsed").asText()).isEqualTo("70.00");
	}

	@Test
	void notInvoicedIsOnlyForInvoiceBudgetProjects() {
		String project = f.project("STANDARD", "HOURLY");
		Api.Response refused = f.staff.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY",
				"projectId", project, "activityId", f.design, "date", NOV_9.toString(), "minutes", 60,
				"notInvoiced", true));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("notInvoiced");

		String entry = f.time(project, f.design, NOV_9, 1);
		Api.Response patched = f.staff.client(api).patch("/api/v1/time-entries/" + entry, Map.of("notInvoiced", true));
		assertThat(patched.status()).isEqualTo(422);
		assertThat(patched.json().get("errors").get(0).get("field").asText()).isEqualTo("notInvoiced");
	}

	@Test
	void anObsoleteProjectKeepsOnlyWhatWasBilled() {
		String project = f.project("STANDARD", "HOURLY");
		String billed = f.time(project, f.design, NOV_2, 3);
		f.finalizeThrough(project, NOV_2);
		f.bill(List.of(billed));
		f.time(project, f.design, NOV_9, 2);
		f.finalizeThrough(project, NOV_9);
		f.time(project, f.management, NOV_16, 1);
		f.time(project, f.perPiece, NOV_16, 1);
		f.fixedCost(project, NOV_16, "50.00");
		f.adjustment(project, NOV_16, "20.00");

		f.status(project, "OBSOLETE");
		JsonNode summary = f.summary(project);
		assertThat(summary.get("projectStatus").asText()).isEqualTo("OBSOLETE");
		assertThat(summary.get("billed").asText()).isEqualTo("300.00");
		assertThat(summary.get("finalizedToBill").asText()).isEqualTo("0.00");
		assertThat(summary.get("notBilled").asText()).isEqualTo("0.00");
		assertThat(summary.get("notBilledFixed").asText()).isEqualTo("0.00");
		assertThat(summary.get("notBilledAdjustments").asText()).isEqualTo("0.00");
		assertThat(summary.get("perPiece").asText()).isEqualTo("0.00");
		assertThat(summary.get("total").asText()).isEqualTo("300.00");

		// back to active, the time counts again: nothing was changed on the entries
		f.status(project, "ACTIVE");
		assertThat(f.summary(project).get("total").asText()).isEqualTo("500.00");
	}

	@Test
	void eachPurchaseOrderShowsItsCostAndPercentage() {
		String project = f.project("STANDARD", "HOURLY");
		String first = f.purchaseOrder(project, "PO-A-" + f.unique, "1000.00", "Design");
		String second = f.purchaseOrder(project, "PO-B-" + f.unique, "300.00", "Print");
		f.time(project, f.design, NOV_9, 5);
		f.time(project, f.design, NOV_9.plusDays(1), 2, Map.of("billable", false));
		String print = f.fixedCost(project, NOV_9.plusDays(1), "200.00");
		Api.Response named = f.admin.patch("/api/v1/time-entries/" + print, Map.of("purchaseOrderId", second));
		assertThat(named.status()).as(named.toString()).isEqualTo(200);

		JsonNode orders = f.summary(project).get("purchaseOrders");
		assertThat(orders).hasSize(2);
		assertThat(orders.get(0).get("number").asText()).isEqualTo("PO-A-" + f.unique);
		assertThat(orders.get(0).get("id").asText()).isEqualTo(first);
		// cost counts every entry against the order, non-billable time too
		assertThat(orders.get(0).get("cost").asText()).isEqualTo("700.00");
		assertThat(orders.get(0).get("percentUsed").asText()).isEqualTo("70.00");
		assertThat(orders.get(1).get("invoiceGroup").asText()).isEqualTo("Print");
		assertThat(orders.get(1).get("cost").asText()).isEqualTo("200.00");
		assertThat(orders.get(1).get("percentUsed").asText()).isEqualTo("66.67");
	}
}
