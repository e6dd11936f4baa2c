package com.nexustime.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.LoadState;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.nexustime.approval.ApprovalFixture;
import com.nexustime.support.Api;
import com.nexustime.support.BrowserTest;
import com.nexustime.support.TestUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header at 1280 px keeps one line for a manager with a very long name, its bell is an icon that renders (a
 * font from the WebJar, not an emoji) with a name a screen reader says; on a phone the manager's review form and
 * the client's public approval page fit the width with their decisive buttons in reach.
 */
class HeaderAndPhonesBrowserTest extends BrowserTest {

	private static final String LONG_NAME = "Maximilian Alexander Featherstonehaugh-Whittingham";

	private static final LocalDate WEEK = LocalDate.of(2020, 7, 6);

	/** A Bootstrap navbar of one line is 56 px high; a second line adds at least 40. */
	private static final double ONE_LINE = 72;

	@ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "MANAGER", "ADMIN" })
	void theHeaderOfSomeoneWithALongNameIsOneLineAt1280(String role) {
		TestUsers.TestUser manager = TestUsers.create(jdbc, role, "STAFF");
		jdbc.sql("update app_user set name = ? where id = ?").params(LONG_NAME, manager.id()).update();

		Page page = signedIn(manager.email(), TestUsers.PASSWORD, Screen.LAPTOP);
		page.waitForLoadState(LoadState.NETWORKIDLE);
		BoundingBox nav = page.locator("nav.navbar").boundingBox();
		assertThat(nav.height).as("header height at 1280 px").isLessThan(ONE_LINE);
		assertNoSidewaysScrolling(page);

		Locator user = page.locator("#current-user");
		assertThat(user).hasAttribute("title", java.util.regex.Pattern.compile("^" + LONG_NAME + " · "));
		BoundingBox who = user.boundingBox();
		assertThat(who.x + who.width).as("right edge of the user menu").isLessThanOrEqualTo(1280);
		assertThat(who.y + who.height).isLessThanOrEqualTo(nav.y + nav.height);
		String shown = (String) page.evaluate(
				"() => { const n = document.querySelector('#current-user .user-name');"
						+ " return n.scrollWidth > n.clientWidth ? 'cut' : 'whole'; }");
		assertThat(shown).as("the long name is cut with an ellipsis").isEqualTo("cut");

		// every top-level item sits on the same line: their vertical middles lie within a few pixels
		Number spread = (Number) page.evaluate("() => { const mids = [...document.querySelectorAll("
				+ "'#main-nav > .navbar-nav > .nav-item, #timer, #bell, #current-user, .navbar-brand')]"
				+ ".filter(e => e.offsetParent).map(e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; });"
				+ " return Math.max(...mids) - Math.min(...mids); }");
		assertThat(spread.doubleValue()).as("vertical spread of the header items' middles").isLessThan(12);

		// the menu shows the whole name and the roles in words
		page.click("#current-user");
		assertThat(page.locator(".user-menu-who")).containsText(LONG_NAME);
		assertThat(page.locator(".user-menu-who")).containsText(role.equals("ADMIN") ? "Administrator" : "Manager");
		assertThat(page.locator(".user-menu-who")).containsText("Staff");
		assertAccessible(page);
	}

	@ParameterizedTest
	@EnumSource(Screen.class)
	void theBellIsAnIconThatRendersAndHasAName(Screen screen) {
		Page page = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD, screen);
		page.waitForLoadState(LoadState.NETWORKIDLE);
		if (screen == Screen.PHONE) {
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
		}
		Locator bell = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notifications"));
		assertUsable(bell);
		Locator icon = bell.locator("i.bi-bell-fill");
		assertThat(icon).isVisible();
		assertThat(icon).hasAttribute("aria-hidden", "true");
		assertThat(icon.boundingBox().width).as("icon width").isGreaterThan(8);
		Object loaded = page.evaluate("() => document.fonts.ready.then(() => document.fonts.check('1em bootstrap-icons'))");
		assertThat(loaded).as("the icon font from the WebJar is loaded").isEqualTo(true);
		assertThat(bell.textContent()).as("no emoji in the bell").doesNotContainPattern("[\\x{1F300}-\\x{1FAFF}]");
		assertAccessible(page);
	}

	@Test
	void theReviewFormWorksOnAPhone() {
		Team team = new Team();
		Api.Response submitted = team.staff.client(api).post("/api/v1/timesheets/" + WEEK + "/submit", Map.of());
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
		String taskId = context.getBean(TaskService.class).createTaskQuery()
			.processInstanceId(submitted.json().get("processInstanceId").asText()).singleResult().getId();

		Page page = signedIn(team.manager.email(), TestUsers.PASSWORD, Screen.PHONE);
		page.navigate(url("/tasks/" + taskId));
		assertThat(page.locator("#week-total")).hasText("8.00");
		assertNoSidewaysScrolling(page);
		assertAccessible(page);
		reachable(page.getByLabel("Comment"));
		reachable(button(page, "Approve"));
		reachable(button(page, "Reject"));
		assertNoSidewaysScrolling(page);
	}

	@Test
	void thePublicApprovalPageWorksOnAPhone() {
		Team team = new Team();
		JsonNode created = team.manager.client(api).post("/api/v1/approvals", Map.of("contactId",
				String.valueOf(team.contact), "from", WEEK.toString(), "to", WEEK.plusDays(6).toString(),
				"grouping", "TASK")).json();
		String link = url(URI.create(ApprovalFixture.mailedLink(context, created.get("id").asLong())).getPath());

		Page page = anonymous(Screen.PHONE);
		page.navigate(link);
		assertThat(page.locator("#lines")).containsText(team.projectName);
		assertNoSidewaysScrolling(page);
		assertAccessible(page);
		reachable(page.getByLabel("Type your full name to approve these hours"));
		reachable(button(page, "Approve"));
		reachable(page.getByLabel("Or tell us what is wrong"));
		reachable(button(page, "Decline"));
	}

	/** The control, scrolled to the middle of the screen as a person would, is visible and usable. */
	private static Locator reachable(Locator control) {
		control.evaluate("e => e.scrollIntoView({block: 'center'})");
		return assertUsable(control);
	}

	/** A staff member with their manager, a client's project with a long name, and 8 hours in {@link #WEEK}. */
	private final class Team {

		final String unique = UUID.randomUUID().toString().substring(0, 8);

		final TestUsers.TestUser manager = TestUsers.create(jdbc, "MANAGER", "STAFF");

		final TestUsers.TestUser staff = TestUsers.create(jdbc, "STAFF");

		final String projectName = "Spring catalogue with an unusually long project name " + unique;

		final long contact;

		Team() {
			jdbc.sql("update app_user set manager_id = ? where id = ?").params(manager.id(), staff.id()).update();
			contact = jdbc.sql("insert into contact (name, email) values (?, 'phones@example.com') returning id")
				.param("Phones client " + unique).query(Long.class).single();
			long project = jdbc.sql("insert into project (name, contact_id, type) values (?, ?, 'STANDARD') returning id")
				.params(projectName, contact).query(Long.class).single();
			long activity = jdbc.sql("insert into activity (name, category) values (?, 'DESIGN_CREATIVE') returning id")
				.param("Phones design " + unique).query(Long.class).single();
			Api.Response entry = staff.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY",
					"projectId", project, "activityId", activity, "date", WEEK.toString(), "minutes", 480,
					"description", "Layout of pages 1 to 24, with corrections from the client's second round"));
			assertThat(entry.status()).as(entry.toString()).isEqualTo(201);
		}
	}
}
