package com.nexustime.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's retainer: an invoice-budget project with a 6,000.00 budget and 10 h logged at 100 (1,000.00) bills
 * 6,000.00 in one line, its entries BILLED with it; then nothing is left to bill until the invoice is voided; a
 * not-invoiced entry is never billed; the summary and the dashboard show what the invoices billed.
 */
class InvoiceBudgetTest extends IntegrationTest {

	static final LocalDate MONDAY = LocalDate.of(2021, 6, 7);

	private BillingFixture fx;

	private Api.Client billing;

	private long retainer;

	@BeforeEach
	void setUp() {
		fx = new BillingFixture(jdbc);
		billing = fx.manager.client(api);
		retainer = fx.project("Retainer " + fx.unique);
		jdbc.sql("update project set billing_mode = 'INVOICE_BUDGET', budget_amount = 6000.00, manager_id = ? where id = ?")
			.params(fx.manager.id(), retainer).update();
	}

	@Test
	void theRetainerBillsItsBudgetOnceInOneLineAndItsEntriesWithIt() {
		long monday = fx.entry(retainer, fx.design, MONDAY, 360, "100.00", "Concepts");
		long tuesday = fx.entry(retainer, fx.management, MONDAY.plusDays(1), 240, "100.00", "Meetings");
		long internal = fx.entry(retainer, fx.design, MONDAY.plusDays(2), 120, "100.00", "Internal rework");
		jdbc.sql("update time_entry set not_invoiced = true where id = ?").param(internal).update();
		fx.finalizeDirectly(monday, tuesday, internal);

		JsonNode invoice = rangeInvoice(201).json();

		JsonNode lines = invoice.get("lines");
		assertThat(lines.size()).as(invoice.toString()).isEqualTo(1);
		assertThat(lines.get(0).get("description").asText()).isEqualTo("Retainer " + fx.unique + " — Budget");
		assertThat(lines.get(0).get("amount").asText()).isEqualTo("6000.00");
		assertThat(lines.get(0).get("hours").asText()).isEqualTo("10.00");
		assertThat(lines.get(0).path("rate").asText(null)).as("no rate: the hours do not make the amount").isNull();
		assertThat(invoice.get("total").asText()).isEqualTo("6000.00");
		assertThat(ids(invoice.get("entryIds"))).containsExactlyInAnyOrder(monday, tuesday);
		for (long entry : List.of(monday, tuesday)) {
			assertThat(fx.row(entry).get("status")).isEqualTo("BILLED");
			assertThat(fx.row(entry).get("invoice_id").toString()).isEqualTo(invoice.get("id").asText());
		}
		assertThat(fx.row(internal).get("status")).as("not invoiced: never billed").isEqualTo("FINALIZED");
		assertThat(fx.row(internal).get("invoice_id")).isNull();

		// all of the budget is invoiced: a second invoice has nothing to bill
		Api.Response again = rangeInvoice(409);
		assertThat(again.body()).contains("nothing is billable");

		// the summary and the dashboard: billed and B are the budget billed, not the entries' 1,000.00
		JsonNode summary = billing.get("/api/v1/projects/" + retainer + "/summary").json();
		assertThat(summary.get("billed").asText()).isEqualTo("6000.00");
		assertThat(summary.get("budget").asText()).isEqualTo("6000.00");
		assertThat(summary.get("finalizedToBill").asText()).as("nothing left to bill").isEqualTo("0.00");
		assertThat(summary.get("total").asText()).isEqualTo("6000.00");
		JsonNode line = dashboardLine();
		assertThat(line.get("billed").asText()).isEqualTo("6000.00");
	}

	@Test
	void voidingGivesTheBudgetBackAndLaterEntriesAreBilledWithTheNextBudgetLine() {
		long first = fx.entry(retainer, fx.design, MONDAY, 600, "100.00", "Concepts");
		fx.finalizeDirectly(first);
		JsonNode invoice = rangeInvoice(201).json();
		// while the finalized time waits, the summary's F is the budget the next invoice bills
		Api.Response voided = billing.post("/api/v1/invoices/" + invoice.get("id").asText() + "/void",
				Map.of("reason", "wrong period"));
		assertThat(voided.status()).as(voided.toString()).isEqualTo(200);
		assertThat(fx.row(first).get("status")).isEqualTo("FINALIZED");
		JsonNode waiting = billing.get("/api/v1/projects/" + retainer + "/summary").json();
		assertThat(waiting.get("billed").asText()).isEqualTo("0.00");
		assertThat(waiting.get("finalizedToBill").asText()).isEqualTo("6000.00");

		JsonNode again = rangeInvoice(201).json();
		assertThat(again.get("total").asText()).isEqualTo("6000.00");
		assertThat(ids(again.get("entryIds"))).containsExactly(first);

		// the budget is raised: the next invoice bills what remains of it, with the new time
		jdbc.sql("update project set budget_amount = 7500.00 where id = ?").param(retainer).update();
		long later = fx.entry(retainer, fx.design, MONDAY.plusDays(1), 60, "100.00", "Extra round");
		fx.finalizeDirectly(later);
		JsonNode rest = rangeInvoice(201).json();
		assertThat(rest.get("lines").size()).isEqualTo(1);
		assertThat(rest.get("lines").get(0).get("amount").asText()).isEqualTo("1500.00");
		assertThat(ids(rest.get("entryIds"))).containsExactly(later);
		JsonNode summary = billing.get("/api/v1/projects/" + retainer + "/summary").json();
		assertThat(summary.get("billed").asText()).isEqualTo("7500.00");
	}

	@Test
	void anHourlyProjectOfTheSameClientIsBilledByItsHoursBesideTheBudgetLine() {
		long budgetTime = fx.entry(retainer, fx.design, MONDAY, 60, "100.00", "Concepts");
		long hourly = fx.entry(fx.website, fx.design, MONDAY, 90, "120.00", "Logo");
		fx.finalizeDirectly(budgetTime, hourly);

		JsonNode invoice = rangeInvoice(201).json();

		JsonNode lines = invoice.get("lines");
		assertThat(lines.size()).isEqualTo(2);
		assertThat(lines.get(0).get("description").asText()).isEqualTo("Retainer " + fx.unique + " — Budget");
		assertThat(lines.get(0).get("position").asInt()).isEqualTo(1);
		assertThat(lines.get(1).get("description").asText()).isEqualTo("Website " + fx.unique + " — Design " + fx.unique);
		assertThat(lines.get(1).get("amount").asText()).isEqualTo("180.00");
		assertThat(lines.get(1).get("position").asInt()).isEqualTo(2);
		assertThat(invoice.get("total").asText()).isEqualTo("6180.00");
		// the hourly project's summary is its entries' amounts, as before
		JsonNode website = billing.get("/api/v1/projects/" + fx.website + "/summary").json();
		assertThat(website.get("billed").asText()).isEqualTo("180.00");
	}

	@Test
	void aClientApprovalSignsOnlyTheHourlyTimeTheRetainerIsInvoicedByItsBudgetFromARange() {
		long retainerTime = fx.entry(retainer, fx.design, MONDAY, 600, "100.00", "Concepts");
		long hourly = fx.entry(fx.website, fx.design, MONDAY, 90, "120.00", "Logo");

		// invoicing.drl keeps a retainer's time out of what a client signs by the hour
		JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
		assertThat(jdbc.sql("select entry_id from approval_entry where approval_id = ?")
			.param(approval.get("id").asLong()).query(Long.class).list()).containsExactly(hourly);
		assertThat(fx.status(retainerTime)).isEqualTo("OPEN");
		Api.Response converted = billing.post("/api/v1/invoices/from-time",
				Map.of("approvalId", approval.get("id").asText()));
		assertThat(converted.status()).as(converted.toString()).isEqualTo(201);
		assertThat(converted.json().get("total").asText()).isEqualTo("180.00");

		fx.finalizeDirectly(retainerTime);
		JsonNode invoice = rangeInvoice(201).json();
		assertThat(invoice.get("total").asText()).isEqualTo("6000.00");
		assertThat(ids(invoice.get("entryIds"))).containsExactly(retainerTime);
	}

	private Api.Response rangeInvoice(int expected) {
		Api.Response response = billing.post("/api/v1/invoices/from-time", Map.of("contactId", String.valueOf(fx.contact),
				"from", MONDAY.toString(), "to", MONDAY.plusDays(6).toString()));
		assertThat(response.status()).as(response.toString()).isEqualTo(expected);
		return response;
	}

	private JsonNode dashboardLine() {
		JsonNode dashboard = billing.get("/api/v1/dashboard").json();
		for (JsonNode project : dashboard.get("projects")) {
			if (project.get("id").asText().equals(String.valueOf(retainer))) {
				return project;
			}
		}
		throw new AssertionError("the retainer is not on the manager's dashboard: " + dashboard.get("projects"));
	}

	private static List<Long> ids(JsonNode array) {
		List<Long> ids = new ArrayList<>();
		array.forEach(n -> ids.add(n.asLong()));
		return ids;
	}
}
