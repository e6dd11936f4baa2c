package com.nexustime.reporting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/reports/client-billing} on {@link MoneyFixture}'s July and August 2017. */
class ClientBillingApiTest extends IntegrationTest {

	private static final String SUMMER = "from=2017-07-01&to=2017-08-31";

	private MoneyFixture m;

	@BeforeEach
	void fixture() {
		m = new MoneyFixture(new ReportFixture(api, admin(), jdbc));
		Api.Response po = admin().post("/api/v1/projects/" + m.p3 + "/purchase-orders",
				Map.of("number", "PO-" + m.f.unique, "amount", "1000.00", "invoiceGroup", "Print " + m.f.unique));
		assertThat(po.status()).as(po.toString()).isEqualTo(201);
	}

	private JsonNode report(Api.Client who, String parameters) {
		Api.Response response = who.get("/api/v1/reports/client-billing?" + parameters);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private JsonNode project(JsonNode report, String projectId) {
		for (JsonNode client : report.get("rows")) {
			for (JsonNode project : client.get("projects")) {
				if (project.get("projectId").asText().equals(projectId)) {
					return project;
				}
			}
		}
		throw new AssertionError("no project " + projectId + " in " + report);
	}

	@Test
	void aProjectsFiguresEqualItsTimeTab() {
		// the period holds every entry of p3: the report must answer what the Time tab answers for all time
		JsonNode row = project(report(admin(), SUMMER + "&contactId=" + m.client), m.p3);
		JsonNode tab = admin().get("/api/v1/projects/" + m.p3 + "/summary").json();
		assertThat(row.get("billed").asText()).isEqualTo(tab.get("billed").asText()).isEqualTo("300.00");
		assertThat(row.get("finalized").asText()).isEqualTo(tab.get("finalizedToBill").asText()).isEqualTo("150.00");
		// 120.00 in July and 90.00 in August; the non-billable 80.00 is not billing's
		assertThat(row.get("notBilled").asText()).isEqualTo(tab.get("notBilled").asText()).isEqualTo("210.00");
		assertThat(row.get("notBilledFixed").asText()).isEqualTo(tab.get("notBilledFixed").asText()).isEqualTo("40.00");
		assertThat(row.get("total").asText()).isEqualTo(tab.get("total").asText());
	}

	@Test
	void onlyTheEntriesDatedInThePeriodCount() {
		JsonNode july = project(report(admin(), "from=2017-07-01&to=2017-07-31&contactId=" + m.client), m.p3);
		assertThat(july.get("notBilled").asText()).isEqualTo("120.00");
		assertThat(july.get("billed").asText()).isEqualTo("300.00");
		JsonNode august = project(report(admin(), "from=2017-08-01&to=2017-08-31&contactId=" + m.client), m.p3);
		assertThat(august.get("notBilled").asText()).isEqualTo("90.00");
		assertThat(august.get("billed").asText()).isEqualTo("0.00");
	}

	@Test
	void aClientRowAddsUpItsProjectsAndVendorsAndPurchaseOrdersFollow() {
		JsonNode report = report(admin(), "from=2017-06-01&to=2017-08-31&contactId=" + m.client);
		assertThat(report.get("rows")).hasSize(1);
		JsonNode client = report.get("rows").get(0);
		assertThat(client.get("name").asText()).isEqualTo(m.clientName);
		assertThat(client.get("projects")).hasSize(3);
		BigDecimal notBilled = BigDecimal.ZERO;
		for (JsonNode project : client.get("projects")) {
			notBilled = notBilled.add(new BigDecimal(project.get("notBilled").asText()));
		}
		// p1 350 + p2 100 + p3 210
		assertThat(client.get("notBilled").asText()).isEqualTo(notBilled.toPlainString()).isEqualTo("660.00");
		assertThat(report.get("costByVendor")).hasSize(1);
		assertThat(report.get("costByVendor").get(0).get("name").asText()).isEqualTo(m.vendorName);
		assertThat(report.get("costByVendor").get(0).get("amount").asText()).isEqualTo("115.00");
		JsonNode po = report.get("purchaseOrders").get(0);
		JsonNode tab = admin().get("/api/v1/projects/" + m.p3 + "/summary").json().get("purchaseOrders").get(0);
		assertThat(report.get("purchaseOrders")).hasSize(1);
		assertThat(po.get("invoiceGroup").asText()).isEqualTo("Print " + m.f.unique);
		assertThat(po.get("cost").asText()).isEqualTo(tab.get("cost").asText());
		assertThat(po.get("percentUsed").asText()).isEqualTo(tab.get("percentUsed").asText());
	}

	@Test
	void managersAndAuditorsReadItStaffDoNot() {
		// the manager manages p1, whose entries are in June
		assertThat(report(m.manager.client(api), "from=2017-06-01&to=2017-08-31&contactId=" + m.client).get("rows"))
			.hasSize(1);
		assertThat(report(m.f.auditor.client(api), SUMMER + "&contactId=" + m.client).get("rows")).hasSize(1);
		for (String path : List.of("/api/v1/reports/client-billing?", "/api/v1/reports/client-billing.csv?",
				"/api/v1/reports/client-billing.png?", "/reports/client-billing?")) {
			assertThat(m.staff.client(api).get(path + SUMMER).status()).as(path).isEqualTo(403);
		}
	}

	private static List<String> projectIds(JsonNode report) {
		List<String> ids = new java.util.ArrayList<>();
		report.get("rows").forEach(client -> client.get("projects").forEach(p -> ids.add(p.get("projectId").asText())));
		return ids;
	}

	@Test
	void aManagerSeesOnlyTheProjectsTheyManageAdminsAndAuditorsEveryProject() {
		TestUsers.TestUser otherManager = TestUsers.create(jdbc, "MANAGER", "STAFF");
		jdbc.sql("update project set manager_id = ? where id = ?").params(otherManager.id(), Long.valueOf(m.p3)).update();
		String period = "from=2017-06-01&to=2017-08-31";

		// no filter at all: the manager's answer holds their p1 and nothing of p3 (another manager's) or p2 (nobody's)
		JsonNode mine = report(m.manager.client(api), period);
		List<Long> managed = jdbc.sql("select id from project where manager_id = ?").param(m.manager.id())
			.query(Long.class).list();
		assertThat(projectIds(mine)).contains(m.p1).doesNotContain(m.p2, m.p3)
			.allMatch(id -> managed.contains(Long.valueOf(id)));
		JsonNode p1 = project(mine, m.p1);
		assertThat(mine.get("totals").get("total").asText()).isEqualTo(p1.get("total").asText());
		assertThat(mine.get("totals").get("notBilled").asText()).isEqualTo(p1.get("notBilled").asText());
		assertThat(mine.get("purchaseOrders")).isEmpty();
		// p1's fixed cost (75.00) only, not p3's 40.00
		assertThat(mine.get("costByVendor")).hasSize(1);
		assertThat(mine.get("costByVendor").get(0).get("amount").asText()).isEqualTo("75.00");

		// asking for the other manager's project by id finds nothing: no row, no client, nothing in the totals
		JsonNode theirs = report(m.manager.client(api), period + "&projectId=" + m.p3);
		assertThat(theirs.get("rows")).isEmpty();
		assertThat(theirs.get("costByVendor")).isEmpty();
		assertThat(theirs.get("purchaseOrders")).isEmpty();
		assertThat(theirs.get("totals").get("total").asText()).isEqualTo("0.00");
		assertThat(theirs.get("totals").get("billed").asText()).isEqualTo("0.00");

		// the other manager sees p3 and not p1
		assertThat(projectIds(report(otherManager.client(api), period))).contains(m.p3).doesNotContain(m.p1, m.p2);
		// admins and auditors: every project
		for (Api.Client everyone : List.of(admin(), m.f.auditor.client(api))) {
			assertThat(projectIds(report(everyone, period + "&contactId=" + m.client)))
				.containsExactlyInAnyOrder(m.p1, m.p2, m.p3);
		}

		// the CSV, the chart and the page read the same scope
		String p3Name = "Money three " + m.f.unique;
		Api.Response csv = m.manager.client(api).get("/api/v1/reports/client-billing.csv?" + period);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains("Money one " + m.f.unique).doesNotContain(p3Name);
		assertThat(m.manager.client(api).get("/api/v1/reports/client-billing.csv?" + period + "&projectId=" + m.p3)
			.body()).doesNotContain(p3Name).doesNotContain(m.clientName);
		Api.Response page = m.manager.client(api).get("/reports/client-billing?" + period + "&contactId=" + m.client);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("data-project=\"" + m.p1 + "\"")
			.doesNotContain("data-project=\"" + m.p3 + "\"");
		assertThat(admin().get("/api/v1/reports/client-billing.csv?" + period).body()).contains(p3Name);
	}

	@Test
	void aPersonFilterIsRefusedByName() {
		Api.Response response = admin().get("/api/v1/reports/client-billing?" + SUMMER + "&userId=" + m.staff.id());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("userId");
		assertThat(response.json().get("errors").get(0).get("message").asText()).contains("Time tab");
	}
}
