package com.nexustime.dashboard;

import java.time.LocalDate;
import java.util.Map;

import com.microsoft.playwright.Locator;
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
 * The home page as a manager sees it, on a phone and on a laptop: it passes axe-core, shows their week, the week
 * waiting for their review and their projects; the table sorts without a script, and a project's row opens its
 * Time tab, which shows the same money.
 */
class DashboardBrowserTest extends BrowserTest {

	private static final LocalDate WEEK = LocalDate.of(2021, 6, 7);

	@ParameterizedTest
	@EnumSource(Screen.class)
	void aManagersDashboard(Screen screen) {
		DashboardFixture f = new DashboardFixture(api, admin(), jdbc);
		String project = f.project("Browser big", f.lead.id(), "5000.00");
		String other = f.project("Browser small", f.lead.id(), null);
		f.time(f.staff, project, WEEK, 8);
		f.time(f.staff, other, WEEK.plusDays(1), 1);
		f.finalizeThrough(project, WEEK);
		Api.Response submitted = f.staff.client(api).post("/api/v1/timesheets/" + WEEK + "/submit", Map.of());
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);

		Page page = signedIn(f.lead.email(), TestUsers.PASSWORD, screen);
		assertAccessible(page);
		assertNoSidewaysScrolling(page);

		assertUsable(page.locator("#my-week-title"));
		assertThat(page.locator("#my-week-hours")).hasText("0.00");
		assertThat(page.locator("#my-week-weekly-hours")).hasText("40.00");
		assertThat(page.locator("#my-week-status")).hasText("Open");
		assertUsable(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Review and submit the week")));

		Locator review = page.locator("#review-queue").getByRole(AriaRole.LINK,
				new Locator.GetByRoleOptions().setName(f.name(f.staff) + ", week of " + WEEK));
		assertUsable(review);

		Locator row = page.locator("#projects-table tr[data-project-id='" + project + "']");
		assertUsable(row.locator(".finalized"));
		assertThat(row.locator(".finalized")).hasText("800.00");
		assertThat(row.locator(".not-billed")).hasText("0.00");

		// sorting is a plain link: the server orders the rows
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Finalized").setExact(true)).click();
		page.waitForURL(url("/?sort=finalized&dir=desc"));
		assertThat(page.locator("#projects-table tbody tr").first()).hasAttribute("data-project-id", project);
		assertThat(page.locator("#projects-table th[aria-sort='descending']")).containsText("Finalized");

		String finalized = row.locator(".finalized").textContent().trim();
		assertUsable(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(
				"Browser big " + f.unique))).click();
		page.waitForURL(url("/projects/" + project + "/time"));
		assertThat(page.locator("#summary-finalized")).hasText(finalized);
	}
}
