package com.nexustime.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.nexustime.support.Api;
import com.nexustime.support.BrowserTest;
import com.nexustime.support.TestUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main pages inside, on a phone and on a laptop: each passes axe-core (WCAG 2 A/AA, nothing serious or
 * critical) and its decisive controls, found by role and name as a person finds them, are visible, on screen
 * after scrolling to them, enabled and legible.
 */
class MainPagesBrowserTest extends BrowserTest {

	private static final LocalDate WEEK = LocalDate.of(2020, 6, 1);

	private static final LocalDate BILLED_DAY = LocalDate.of(2020, 5, 4);

	@ParameterizedTest
	@EnumSource(Screen.class)
	void signInPage(Screen screen) {
		Page page = anonymous(screen);
		page.navigate(url("/login"));
		assertAccessible(page);
		assertUsable(page.getByLabel("Email"));
		assertUsable(page.getByLabel("Password"));
		assertUsable(button(page, "Sign in"));
	}

	@ParameterizedTest
	@EnumSource(Screen.class)
	void staffPages(Screen screen) {
		Team team = new Team();
		Page page = signedIn(team.staff.email(), TestUsers.PASSWORD, screen);

		assertAccessible(page);
		assertUsable(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Timesheet Fill this week's hours")));

		page.navigate(url("/timesheet?week=" + WEEK));
		assertThat(page.locator("#week-status")).hasText("Open");
		assertAccessible(page);
		assertUsable(button(page, "Save"));
		assertUsable(button(page, "Submit week"));
		assertUsable(button(page, "Rows from last week"));

		page.navigate(url("/time"));
		assertAccessible(page);
		assertUsable(page.getByLabel("Date"));
		assertUsable(button(page, "Save entry"));

		page.navigate(url("/reports"));
		assertAccessible(page);
		assertUsable(button(page, "Show report")).click();
		page.waitForLoadState();
		assertAccessible(page);
	}

	@ParameterizedTest
	@EnumSource(Screen.class)
	void managerReviewsTheWeek(Screen screen) {
		Team team = new Team();
		Api.Response submitted = team.staff.client(api).post("/api/v1/timesheets/" + WEEK + "/submit", Map.of());
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);

		Page page = signedIn(team.manager.email(), TestUsers.PASSWORD, screen);
		page.navigate(url("/tasks"));
		assertAccessible(page);
		page.locator("#tasks tr", new Page.LocatorOptions().setHasText(jdbc.sql("select name from app_user where id = ?")
				.param(team.staff.id()).query(String.class).single() + " — week of "))
			.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Open"))
			.click();

		assertThat(page.locator("#week-total")).hasText("8.00");
		assertAccessible(page);
		assertUsable(page.getByLabel("Comment"));
		assertUsable(button(page, "Approve"));
		assertUsable(button(page, "Reject"));
	}

	@ParameterizedTest
	@EnumSource(Screen.class)
	void clientApprovalPages(Screen screen) {
		Team team = new Team();
		JsonNode created = team.manager.client(api).post("/api/v1/approvals", Map.of("contactId",
				String.valueOf(team.contact), "from", WEEK.toString(), "to", WEEK.plusDays(6).toString(),
				"grouping", "PROJECT")).json();

		Page page = signedIn(team.manager.email(), TestUsers.PASSWORD, screen);
		page.navigate(url("/approvals"));
		assertAccessible(page);
		assertUsable(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Send hours for approval")))
			.click();

		assertThat(page).hasURL(url("/approvals/new"));
		assertAccessible(page);
		assertUsable(button(page, "Preview"));
		assertUsable(button(page, "Send"));

		page.navigate(url("/approvals/" + created.get("id").asText()));
		assertThat(page.locator("h1")).containsText(team.clientName);
		assertAccessible(page);
		assertUsable(button(page, "Cancel"));
	}

	@ParameterizedTest
	@EnumSource(Screen.class)
	void invoicePages(Screen screen) {
		Team team = new Team();
		team.finalizedEntry(BILLED_DAY, 120, "80.00");
		Api.Response invoice = admin().post("/api/v1/invoices/from-time", Map.of("contactId",
				String.valueOf(team.contact), "from", BILLED_DAY.toString(), "to", BILLED_DAY.toString()));
		assertThat(invoice.status()).as(invoice.toString()).isEqualTo(201);

		Page page = signedIn(team.manager.email(), TestUsers.PASSWORD, screen);
		page.navigate(url("/invoices"));
		assertAccessible(page);
		assertUsable(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
			.setName(invoice.json().get("number").asText()).setExact(true))).click();

		assertThat(page.locator("#total")).containsText("160.00");
		assertAccessible(page);
		assertUsable(button(page, "Send to the client"));
		assertUsable(button(page, "Void"));
	}

	/** A staff member with their manager, a client's project, and 8 hours of the staff member in {@link #WEEK}. */
	private final class Team {

		final String unique = UUID.randomUUID().toString().substring(0, 8);

		final TestUsers.TestUser manager = TestUsers.create(jdbc, "MANAGER", "STAFF");

		final TestUsers.TestUser staff = TestUsers.create(jdbc, "STAFF");

		final String clientName = "Pages client " + unique;

		final long contact;

		final long project;

		final long activity;

		Team() {
			jdbc.sql("update app_user set manager_id = ? where id = ?").params(manager.id(), staff.id()).update();
			contact = jdbc.sql("insert into contact (name, email) values (?, 'pages@example.com') returning id")
				.param(clientName).query(Long.class).single();
			project = jdbc.sql("insert into project (name, contact_id, type) values (?, ?, 'STANDARD') returning id")
				.params("Pages project " + unique, contact).query(Long.class).single();
			activity = jdbc.sql("insert into activity (name, category) values (?, 'DESIGN_CREATIVE') returning id")
				.param("Pages design " + unique).query(Long.class).single();
			Api.Response entry = staff.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY",
					"projectId", project, "activityId", activity, "date", WEEK.toString(), "minutes", 480));
			assertThat(entry.status()).as(entry.toString()).isEqualTo(201);
		}

		void finalizedEntry(LocalDate date, int minutes, String rate) {
			BigDecimal hourly = new BigDecimal(rate);
			BigDecimal amount = hourly.multiply(BigDecimal.valueOf(minutes)).divide(BigDecimal.valueOf(60), 2,
					java.math.RoundingMode.HALF_UP);
			jdbc.sql("""
					insert into time_entry (type, user_id, project_id, activity_id, entry_date, minutes, rate, amount,
					                        description, status)
					values ('ACTIVITY', ?, ?, ?, ?, ?, ?, ?, 'Billed work', 'FINALIZED')""")
				.params(staff.id(), project, activity, date, minutes, hourly, amount).update();
		}
	}
}
