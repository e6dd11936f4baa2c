package com.nexustime.reporting;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;

import static com.nexustime.reporting.ReportFixture.query;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/reports/time?groupBy=activity|category} against {@link ReportFixture}. */
class ActivityReportApiTest extends IntegrationTest {

	private static ReportFixture shared;

	private ReportFixture f;

	@BeforeEach
	void fixture() {
		if (shared == null) {
			shared = new ReportFixture(api, admin(), jdbc);
		}
		f = shared;
	}

	private JsonNode report(Api.Client who, String parameters) {
		Api.Response response = who.get("/api/v1/reports/time?" + parameters);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static List<String> rows(JsonNode report) {
		List<String> rows = new ArrayList<>();
		report.get("rows").forEach(r -> rows.add(r.get("key").asText("null") + "|" + r.get("name").asText() + "="
				+ r.get("hours").asText() + "/" + r.get("amount").asText() + "/" + r.get("entries").asText()));
		return rows;
	}

	@Test
	void byCategoryTheCodeIsTheKeyAndTheWordsTheName() {
		JsonNode report = report(admin(), query("groupBy=category&contactId=" + f.clientA));
		assertThat(report.get("groupBy").asText()).isEqualTo("CATEGORY");
		// design work of both projects in one row; the adjustment has no activity and keeps its own row
		assertThat(rows(report)).containsExactly("DESIGN_CREATIVE|Design / creative=4.75/500.00/4",
				"null|No activity (adjustments)=0.00/-10.00/1");
		assertThat(report.get("totalAmount").asText()).isEqualTo("490.00");
	}

	@Test
	void byActivityPerProjectWhenFilteredByProject() {
		JsonNode report = report(admin(), query("groupBy=activity&projectId=" + f.b1));
		assertThat(rows(report)).containsExactly(f.fixedCost + "|Report vendor " + f.unique + "=0.00/75.25/1",
				f.design + "|Report design " + f.unique + "=0.33/50.00/1");
	}

	@Test
	void aCategoryRowDrillsDownToItsEntries() {
		JsonNode report = report(admin(), query("groupBy=category&contactId=" + f.clientA));
		JsonNode design = report.get("rows").get(0);
		JsonNode entries = admin().get("/api/v1/reports/time/entries?" + query("groupBy=category&contactId="
				+ f.clientA + "&category=" + design.get("key").asText())).json();
		assertThat(entries.get("totalEntries").asLong()).isEqualTo(design.get("entries").asLong());
		assertThat(entries.get("totalAmount").asText()).isEqualTo(design.get("amount").asText());
		entries.get("entries").forEach(e -> assertThat(e.get("category").asText()).isEqualTo("DESIGN_CREATIVE"));
		// and the page links each row with a key to the same question
		String page = admin().get("/reports?" + query("groupBy=category&contactId=" + f.clientA)).body();
		assertThat(page).contains("category=DESIGN_CREATIVE").contains(">Design / creative</a>")
			.contains("No activity (adjustments)");
	}

	@Test
	void anUnknownCategoryIsRefusedByName() {
		Api.Response response = admin().get("/api/v1/reports/time?groupBy=category&category=poetry");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("category");
	}

	@Test
	void staffGetTheirOwnEntriesByCategoryAndNoCost() {
		JsonNode report = report(f.staff1.client(api), query("groupBy=category"));
		assertThat(rows(report)).containsExactly("DESIGN_CREATIVE|Design / creative=2.75/260.00/3");
		Confidential.assertNoCostFields(report);
	}

	@Test
	void theCsvShowsCategoriesInWords() {
		ReportDownloads downloads = new ReportDownloads(port);
		var response = downloads.get("/api/v1/reports/time.csv?" + query("groupBy=category&contactId=" + f.clientA),
				"text/csv", ADMIN_EMAIL, ADMIN_PASSWORD);
		String csv = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(csv).contains("DESIGN_CREATIVE,Design / creative,4.75,500.00,4\r\n")
			.contains(",No activity (adjustments),0.00,-10.00,1\r\n");
	}
}
