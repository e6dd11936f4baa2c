package com.nexustime.reporting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;

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
		assertThat(report(m.manager.client(api), SUMMER + "&contactId=" + m.client).get("rows")).hasSize(1);
		assertThat(report(m.f.auditor.client(api), SUMMER + "&contactId=" + m.client).get("rows")).hasSize(1);
		for (String path : List.of("/api/v1/reports/client-billing?", "/api/v1/reports/client-billing.csv?",
				"/api/v1/reports/client-billing.png?", "/reports/client-billing?")) {
			assertThat(m.staff.client(api).get(path + SUMMER).status()).as(path).isEqualTo(403);
		}
	}

	@Test
	void aPersonFilterIsRefusedByName() {
		Api.Response response = admin().get("/api/v1/reports/client-billing?" + SUMMER + "&userId=" + m.staff.id());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("userId");
		assertThat(response.json().get("errors").get(0).get("message").asText()).contains("Time tab");
	}
}
