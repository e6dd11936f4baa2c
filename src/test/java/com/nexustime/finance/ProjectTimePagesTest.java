package com.nexustime.finance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** The project's Time tab as a browser gets it: the summary bar, the dollars grid, the timesheet tabs and forms. */
class ProjectTimePagesTest extends IntegrationTest {

	private static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);

	private static final LocalDate NOV_9 = LocalDate.of(2026, 11, 9);

	private static final LocalDate NOV_16 = LocalDate.of(2026, 11, 16);

	private FinanceFixture f;

	private String project;

	private String billedPiece;

	private String finalizedDesign;

	private String openDesign;

	private String zero;

	private String cost;

	private String budgetWork;

	private String credit;

	@BeforeEach
	void fixture() {
		f = new FinanceFixture(api, admin(), jdbc);
		project = f.project("PER_PIECE", "HOURLY");
		f.purchaseOrder(project, "PO-" + f.unique, "1000.00", "Cartons");
		// a completed, priced artwork (240.00 + 2 alterations at 30.00 = 300.00, the client's own price list) is billed
		String tier = "Carton tier " + f.unique;
		artworkPrice(Map.of("scope", "CLIENT", "contactId", f.contact, "item", "TIER", "complexityTier", tier,
				"price", "240.00"));
		artworkPrice(Map.of("scope", "CLIENT", "contactId", f.contact, "item", "ALTERATION", "price", "30.00"));
		String artwork = FinanceFixture.id(admin().post("/api/v1/projects/" + project + "/artworks", Map.of("name",
				"Carton " + f.unique, "complexityTier", tier, "packagingLevel", "Secondary", "alterationCount", 2)));
		billedPiece = f.time(project, f.perPiece, NOV_2, 3, Map.of("artworkId", artwork, "description", "First proof"));
		assertThat(admin().post("/api/v1/artworks/" + artwork + "/complete", Map.of()).status()).isEqualTo(200);
		f.finalizeThrough(project, NOV_2);
		f.bill(List.of(billedPiece));
		finalizedDesign = f.time(project, f.design, NOV_9, 2);
		f.finalizeThrough(project, NOV_9);
		openDesign = f.time(project, f.design, NOV_16, 1, Map.of("description", "Retouching"));
		zero = f.time(project, f.design, NOV_16.plusDays(1), 0);
		cost = f.fixedCost(project, NOV_16.plusDays(1), "45.50");
		budgetWork = f.time(project, f.budget, NOV_16.plusDays(2), 1);
		credit = f.adjustment(project, NOV_16.plusDays(3), "-20.00");
	}

	private void artworkPrice(Map<String, Object> price) {
		Api.Response created = admin().post("/api/v1/artwork-prices", price);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	@Test
	void theSummaryBarAndTheDollarsGrid() {
		FormSession admin = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		FormSession.Page page = admin.get("/projects/" + project + "/time");
		assertThat(page.status()).isEqualTo(200);
		String html = page.body();
		assertThat(text(html, "summary-billed")).isEqualTo("300.00");
		assertThat(text(html, "summary-finalized")).isEqualTo("200.00");
		assertThat(text(html, "summary-not-billed")).isEqualTo("100.00");
		assertThat(text(html, "summary-not-billed-dc")).isEqualTo("100.00");
		assertThat(text(html, "summary-not-billed-hourly")).isEqualTo("0.00");
		assertThat(text(html, "summary-total")).isEqualTo("500.00");
		assertThat(text(html, "summary-per-piece")).isEqualTo("300.00");
		assertThat(text(html, "summary-budget")).isEqualTo("100.00");
		assertThat(text(html, "summary-not-billed-fixed")).isEqualTo("45.50");
		assertThat(text(html, "summary-not-billed-adjustments")).isEqualTo("-20.00");
		assertThat(html).contains("text-success num\" id=\"summary-billed\"");
		// the purchase order's usage: every entry is cost, 300 + 200 + 100 + 45.50 + 100 - 20
		assertThat(row(html, "data-po=\"PO-" + f.unique + "\"")).contains("Cartons", "1,000.00", "725.50", "72.55 %");

		String billedRow = row(html, "data-entry-id=\"" + billedPiece + "\"");
		assertThat(billedRow).contains("Carton " + f.unique, "(Secondary, 2 alterations)", "PO-" + f.unique,
				"3.00", "100.00", "300.00", "2026-11-02", LocalDate.now().toString(), "Yes", "Billed");
		String costRow = row(html, "data-entry-id=\"" + cost + "\"");
		assertThat(costRow).contains("Vendor services " + f.unique, "45.50", "2026-11-16", "Open", "No");
		assertThat(cells(costRow).get(5)).isEqualTo("0.00"); // base dollars
		assertThat(cells(costRow).get(6)).isEqualTo("45.50"); // rush/fixed
		assertThat(html).contains("data-entry-id=\"" + zero + "\"", "data-entry-id=\"" + credit + "\"",
				"data-entry-id=\"" + finalizedDesign + "\"", "data-entry-id=\"" + budgetWork + "\"");
		assertThat(text(html, "zero-toggle")).isEqualTo("Hide zero-dollar rows");

		String hidden = admin.get("/projects/" + project + "/time?hideZero=true").body();
		assertThat(hidden).doesNotContain("data-entry-id=\"" + zero + "\"")
			.contains("data-entry-id=\"" + openDesign + "\"", "data-entry-id=\"" + cost + "\"");
		assertThat(text(hidden, "zero-toggle")).isEqualTo("Show zero-dollar rows");
		assertThat(row(hidden, "id=\"dollars-totals\"")).contains("6 entries", "7.00", "700.00", "25.50");
	}

	@Test
	void theTimesheetTabsAndWhoMayEdit() {
		FormSession admin = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String regular = list(admin.get("/projects/" + project + "/time").body());
		assertThat(regular).startsWith("id=\"timesheet-list\" data-tab=\"regular\"");
		// time of one person, activity and week is one row; the zero-hour day is in the 16 November row
		String openWeek = row(regular, "2026-11-16</td>");
		assertThat(openWeek).contains("Design " + f.unique, "1.00", "100.00", "Open", "Retouching",
				"/timesheet?week=2026-11-16&amp;userId=" + f.staff.id());
		String billedWeek = row(regular, "2026-11-02</td>");
		assertThat(billedWeek).contains("Artwork " + f.unique, "3.00", "300.00", "Billed", "First proof")
			.doesNotContain("Edit");
		assertThat(regular).doesNotContain("Budget work " + f.unique + "</td>");

		String fixed = list(admin.get("/projects/" + project + "/time?tab=fixed-costs").body());
		assertThat(row(fixed, "Vendor services " + f.unique + "</td>")).contains("45.50", "Vendor invoice " + f.unique,
				"/projects/" + project + "/time/entries/" + cost);
		String adjustments = list(admin.get("/projects/" + project + "/time?tab=adjustments").body());
		assertThat(row(adjustments, "Adjustment</td>")).contains("-20.00", "Agreed with the client");
		String budget = list(admin.get("/projects/" + project + "/time?tab=fixed-budget").body());
		assertThat(row(budget, "Budget work " + f.unique + "</td>")).contains("1.00", "100.00");
		assertThat(budget).doesNotContain("Design " + f.unique + "</td>");

		// the manager edits their report's open week, not the finalized one; an auditor edits nothing
		FormSession manager = FormSession.signIn(port, f.manager.email(), TestUsers.PASSWORD);
		String managers = manager.get("/projects/" + project + "/time").body();
		String managersList = list(managers);
		assertThat(row(managersList, "2026-11-16</td>")).contains("/timesheet?week=2026-11-16");
		assertThat(row(managersList, "2026-11-09</td>")).contains("Finalized").doesNotContain("Edit");
		assertThat(managers).doesNotContain("id=\"finalize-form\"");
		var auditor = TestUsers.create(jdbc, "AUDITOR");
		String audited = FormSession.signIn(port, auditor.email(), TestUsers.PASSWORD)
			.get("/projects/" + project + "/time").body();
		assertThat(audited).contains("id=\"summary-total\"").doesNotContain(">Edit</a>", "id=\"finalize-form\"");

		// staff see the project but not its finances
		FormSession staff = FormSession.signIn(port, f.staff.email(), TestUsers.PASSWORD);
		assertThat(staff.get("/projects/" + project + "/time").status()).isEqualTo(403);
		assertThat(staff.get("/projects/" + project).body()).doesNotContain("time-tab-link");
		assertThat(manager.get("/projects/" + project).body()).contains("time-tab-link");
		assertThat(admin.get("/projects/987654321/time").status()).isEqualTo(404);
	}

	@Test
	void theFinalizeFormFinalizesAndSaysHowMany() {
		FormSession admin = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		admin.get("/projects/" + project + "/time");
		FormSession.Page done = admin.post("/projects/" + project + "/time/finalize", Map.of("through", "2026-11-17"));
		assertThat(done.status()).isEqualTo(302);
		assertThat(done.location()).endsWith("/projects/" + project + "/time");
		assertThat(admin.follow(done).body()).contains("Finalized 3 entries dated on or before 2026-11-17.");
		assertThat(f.statusOf(openDesign)).isEqualTo("FINALIZED");
		assertThat(f.statusOf(zero)).isEqualTo("FINALIZED");
		assertThat(f.statusOf(cost)).isEqualTo("FINALIZED");
		assertThat(f.statusOf(budgetWork)).isEqualTo("OPEN");

		FormSession.Page bad = admin.post("/projects/" + project + "/time/finalize", Map.of("through", "2026-02-31"));
		assertThat(bad.status()).isEqualTo(302);
		assertThat(admin.follow(bad).body()).contains("Finalize through: enter a date like 2026-11-30, between 1900-01-01 and 9999-12-31.");
		assertThat(f.statusOf(budgetWork)).isEqualTo("OPEN");

		FormSession manager = FormSession.signIn(port, f.manager.email(), TestUsers.PASSWORD);
		manager.get("/projects/" + project + "/time");
		assertThat(manager.post("/projects/" + project + "/time/finalize", Map.of("through", "2026-11-30")).status())
			.isEqualTo(403);
		assertThat(f.statusOf(budgetWork)).isEqualTo("OPEN");
	}

	@Test
	void aFixedCostIsEditedOnItsOwnForm() {
		FormSession admin = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String path = "/projects/" + project + "/time/entries/" + cost;
		assertThat(admin.get(path).body()).contains("Edit fixed cost", "value=\"45.50\"");

		FormSession.Page invalid = admin.post(path, Map.of("date", "2026-11-17", "amount", "lots", "notes", "x",
				"version", "0"));
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body()).contains("must be an amount like 1234.50", "value=\"lots\"");

		FormSession.Page saved = admin.post(path, Map.of("date", "2026-11-17", "amount", "50", "notes",
				"Courier, corrected", "version", "0"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		assertThat(saved.location()).contains("tab=fixed-costs");
		assertThat(jdbc.sql("select amount::text || ' ' || notes from time_entry where id = ?").param(Long.valueOf(cost))
			.query(String.class).single()).isEqualTo("50.00 Courier, corrected");

		// time is edited in the weekly grid, not here; another project's entry is not found here
		assertThat(admin.get("/projects/" + project + "/time/entries/" + openDesign).status()).isEqualTo(404);
		String other = f.project("STANDARD", "HOURLY");
		assertThat(admin.get("/projects/" + other + "/time/entries/" + cost).status()).isEqualTo(404);
	}

	/** The timesheet list, without the dollars grid above it. */
	private static String list(String html) {
		int at = html.indexOf("id=\"timesheet-list\"");
		assertThat(at).as("the timesheet list").isNotNegative();
		return html.substring(at);
	}

	/** The text of the element with this id. */
	private static String text(String html, String id) {
		Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
		assertThat(m.find()).as("an element with id " + id).isTrue();
		return m.group(1).trim();
	}

	/** The table row containing {@code marker}. */
	private static String row(String html, String marker) {
		int at = html.indexOf(marker);
		assertThat(at).as("a row with " + marker).isNotNegative();
		int start = html.lastIndexOf("<tr", at);
		int end = html.indexOf("</tr>", at);
		return html.substring(start, end);
	}

	private static List<String> cells(String row) {
		Matcher m = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row);
		List<String> cells = new java.util.ArrayList<>();
		while (m.find()) {
			cells.add(m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim());
		}
		return cells;
	}
}
