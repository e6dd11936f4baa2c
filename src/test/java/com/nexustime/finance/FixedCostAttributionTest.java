package com.nexustime.finance;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fixed cost's vendor and the employee it is attributed to are shown wherever the cost is: the Time tab's dollars
 * grid (API and page), the /time list, and the client billing report's costs by vendor (API and page).
 */
class FixedCostAttributionTest extends IntegrationTest {

	private static final LocalDate DAY = LocalDate.of(2019, 4, 10);

	private FinanceFixture f;

	private String project;

	private String vendor;

	private String employee;

	@BeforeEach
	void fixture() {
		f = new FinanceFixture(api, admin(), jdbc);
		project = f.project("STANDARD", "HOURLY");
		vendor = "Print Shop Ltd " + f.unique;
		String vendorId = FinanceFixture.id(admin().post("/api/v1/vendors", Map.of("name", vendor)));
		employee = jdbc.sql("select name from app_user where id = ?").param(f.staff.id()).query(String.class).single();
		FinanceFixture.id(admin().post("/api/v1/time-entries", Map.of("type", "FIXED_COST", "projectId", project,
				"activityId", f.fixedCost, "date", DAY.toString(), "amount", "240.00", "vendorId", vendorId,
				"employeeId", String.valueOf(f.staff.id()), "notes", "Brochure print run")));
		// the same vendor without attribution, so the report splits the vendor's cost by employee
		FinanceFixture.id(admin().post("/api/v1/time-entries", Map.of("type", "FIXED_COST", "projectId", project,
				"activityId", f.fixedCost, "date", DAY.toString(), "amount", "60.00", "vendorId", vendorId,
				"notes", "Proofs")));
	}

	@Test
	void theTimeTabShowsTheVendorAndTheEmployee() {
		JsonNode rows = admin().get("/api/v1/projects/" + project + "/dollars").json().get("rows");
		JsonNode printRun = null;
		for (JsonNode row : rows) {
			if ("240.00".equals(row.get("amount").asText())) {
				printRun = row;
			}
		}
		assertThat(printRun).as(rows.toString()).isNotNull();
		assertThat(printRun.get("vendor").asText()).isEqualTo(vendor);
		assertThat(printRun.get("attributedEmployee").asText()).isEqualTo(employee);

		String html = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD).get("/projects/" + project + "/time").body();
		assertThat(html).contains("<th>Vendor</th><th>Attributed to</th>");
		assertThat(html).contains("<td class=\"dollars-vendor\">" + vendor + "</td>");
		assertThat(html).contains("<td class=\"dollars-attributed\">" + employee + "</td>");
	}

	@Test
	void theTimeListShowsTheVendorAndTheEmployee() {
		// the admin entered both costs, so they are in the admin's list
		jdbc.sql("update time_entry set entry_date = current_date where project_id = ?").param(Long.valueOf(project))
			.update();
		String html = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD).get("/time").body();
		assertThat(html).contains("Vendor: " + vendor + " · Employee: " + employee);
		assertThat(html).contains("Vendor: " + vendor + "</span>");
	}

	@Test
	void theClientBillingReportShowsCostsByVendorAndEmployee() {
		String query = "from=" + DAY + "&to=" + DAY + "&contactId=" + f.contact;
		JsonNode report = admin().get("/api/v1/reports/client-billing?" + query).json();
		JsonNode vendors = report.get("costByVendor");
		assertThat(vendors).hasSize(1);
		assertThat(vendors.get(0).get("name").asText()).isEqualTo(vendor);
		assertThat(vendors.get(0).get("amount").asText()).isEqualTo("300.00");
		JsonNode split = vendors.get(0).get("byEmployee");
		assertThat(split).hasSize(2);
		assertThat(split.get(0).get("name").asText()).isEqualTo(employee);
		assertThat(split.get(0).get("amount").asText()).isEqualTo("240.00");
		assertThat(split.get(1).get("name").asText()).isEqualTo("Not attributed");
		assertThat(split.get(1).get("amount").asText()).isEqualTo("60.00");

		String html = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD).get("/reports/client-billing?" + query).body();
		assertThat(html).contains("Fixed costs by vendor");
		assertThat(html).contains("<th scope=\"row\">" + vendor + "</th>");
		assertThat(html).contains("<td>" + employee + "</td>");
	}
}
