package com.nexustime.reporting;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/reports/profitability} on {@link MoneyFixture}'s June 2017. */
class ProfitabilityApiTest extends IntegrationTest {

	private static final String JUNE = "from=2017-06-01&to=2017-06-30";

	private MoneyFixture m;

	@BeforeEach
	void fixture() {
		m = new MoneyFixture(new ReportFixture(api, admin(), jdbc));
	}

	private JsonNode report(Api.Client who, String parameters) {
		Api.Response response = who.get("/api/v1/reports/profitability?" + parameters);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static List<String> rows(JsonNode report) {
		List<String> rows = new ArrayList<>();
		report.get("rows").forEach(r -> rows.add(r.get("projectId").asText() + ": value " + r.get("value").asText()
				+ ", cost " + r.get("cost").asText() + ", margin " + r.get("margin").asText() + " ("
				+ r.get("marginPercent").asText() + " %), budget " + r.get("budget").asText() + " used "
				+ r.get("budgetUsedPercent").asText() + " %, uncosted " + r.get("hoursWithoutCostRate").asText() + " h"));
		return rows;
	}

	@Test
	void anAdminSeesValueFromTheTimeTabAndCostFromEachDaysCostRate() {
		JsonNode report = report(admin(), JUNE + "&contactId=" + m.client);
		// p1: 200 + 100 + 50 time and 75 fixed cost; cost 2 h × 50 + 1 h × 60 + 0.5 h without a rate + 75
		// p2: 100 value, 1 h × 50 cost
		assertThat(rows(report)).containsExactly(
				m.p1 + ": value 425.00, cost 235.00, margin 190.00 (44.71 %), budget 1000.00 used 42.50 %, uncosted 0.50 h",
				m.p2 + ": value 100.00, cost 50.00, margin 50.00 (50.00 %), budget null used null %, uncosted 0.00 h");
		assertThat(report.get("totalValue").asText()).isEqualTo("525.00");
		assertThat(report.get("totalCost").asText()).isEqualTo("285.00");
		assertThat(report.get("totalMargin").asText()).isEqualTo("240.00");
	}

	@Test
	void theValueIsWhatTheTimeTabSums() {
		JsonNode summary = admin().get("/api/v1/projects/" + m.p1 + "/summary").json();
		JsonNode row = report(admin(), JUNE + "&projectId=" + m.p1).get("rows").get(0);
		java.math.BigDecimal tab = new java.math.BigDecimal(summary.get("billed").asText())
			.add(new java.math.BigDecimal(summary.get("finalizedToBill").asText()))
			.add(new java.math.BigDecimal(summary.get("notBilled").asText()))
			.add(new java.math.BigDecimal(summary.get("notBilledFixed").asText()))
			.add(new java.math.BigDecimal(summary.get("notBilledAdjustments").asText()));
		assertThat(row.get("value").asText()).isEqualTo(tab.toPlainString());
	}

	@Test
	void aManagerSeesOnlyTheProjectsTheyManage() {
		JsonNode report = report(m.manager.client(api), JUNE);
		assertThat(report.get("rows")).hasSize(1);
		assertThat(report.get("rows").get(0).get("projectId").asText()).isEqualTo(m.p1);
	}

	@Test
	void staffAndAuditorsAreRefusedEveryForm() {
		for (Api.Client who : List.of(m.staff.client(api), m.f.auditor.client(api))) {
			for (String path : List.of("/api/v1/reports/profitability?", "/api/v1/reports/profitability.csv?",
					"/api/v1/reports/profitability.png?", "/reports/profitability?")) {
				Api.Response response = who.get(path + JUNE);
				assertThat(response.status()).as(path).isEqualTo(403);
				assertThat(response.body()).doesNotContain("235.00").doesNotContain(m.p1 + "\"");
			}
		}
	}

	@Test
	void aPersonOrBillableFilterIsRefusedByName() {
		Api.Response response = admin().get("/api/v1/reports/profitability?" + JUNE + "&userId=" + m.staff.id()
				+ "&billable=true");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
		assertThat(fields).containsExactly("userId", "billable");
	}

	@Test
	void aLaterCostRateChangesOnlyTheDaysFromItsStart() {
		m.costRate(m.staff, "2017-06-20", "90.00");
		JsonNode row = report(admin(), JUNE + "&projectId=" + m.p1).get("rows").get(0);
		// 2 h × 50 + 1 h × 90 + 75
		assertThat(row.get("cost").asText()).isEqualTo("265.00");
	}

	@Test
	void everyAnswerStaffCanGetHasNoCostField() {
		Api.Client staff = m.staff.client(api);
		for (String path : List.of("/api/v1/reports/time?groupBy=project&" + JUNE,
				"/api/v1/reports/time?groupBy=category&" + JUNE, "/api/v1/reports/time?groupBy=user&" + JUNE,
				"/api/v1/reports/time/entries?" + JUNE, "/api/v1/reports/utilization?" + JUNE,
				"/api/v1/users/" + m.staff.id(), "/api/v1/me", "/api/v1/users")) {
			Api.Response response = staff.get(path);
			assertThat(response.status()).as(path).isEqualTo(200);
			Confidential.assertNoCostFields(response.json());
		}
		for (String path : List.of("/api/v1/reports/entries.csv?" + JUNE, "/api/v1/reports/utilization.csv?" + JUNE,
				"/api/v1/reports/time.csv?" + JUNE)) {
			Api.Response response = staff.get(path);
			assertThat(response.status()).as(path).isEqualTo(200);
			Confidential.assertNoCostText(response.body());
			assertThat(response.body()).doesNotContain("235.00");
		}
		for (String path : List.of("/api/v1/users/" + m.staff.id() + "/cost-rates",
				"/api/v1/reports/client-billing?" + JUNE)) {
			assertThat(staff.get(path).status()).as(path).isEqualTo(403);
		}
	}
}
