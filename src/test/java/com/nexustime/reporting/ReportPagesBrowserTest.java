package com.nexustime.reporting;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.nexustime.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client-billing report page on a phone and a laptop: a person filters it, reads the table and the chart,
 * drills down to a project's entries and downloads the CSV; every state passes axe-core.
 */
class ReportPagesBrowserTest extends BrowserTest {

	@ParameterizedTest
	@EnumSource(Screen.class)
	void clientBillingFilteredDrilledAndDownloaded(Screen screen) {
		MoneyFixture m = new MoneyFixture(new ReportFixture(api, admin(), jdbc));
		Page page = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD, screen);
		page.navigate(url("/reports/client-billing"));
		assertAccessible(page);

		page.getByLabel("From").fill("2017-07-01");
		page.getByLabel("To").fill("2017-08-31");
		page.getByLabel("Client").selectOption(m.client);
		assertUsable(button(page, "Show report")).click();
		page.waitForLoadState();

		// what was chosen stays chosen
		assertThat(page.getByLabel("From")).hasValue("2017-07-01");
		assertThat(page.getByLabel("Client")).hasValue(m.client);
		Locator table = page.locator("#report-table");
		assertThat(table).isVisible();
		assertThat(table.locator(".report-row")).hasCount(1);
		assertThat(page.locator("#report-total-billed")).hasText("300.00");
		assertThat(page.locator("#report-total-not-billed")).hasText("210.00");
		Locator chart = page.locator("#report-chart");
		chart.scrollIntoViewIfNeeded();
		assertThat(chart).isVisible();
		page.waitForFunction("() => document.querySelector('#report-chart').complete"
				+ " && document.querySelector('#report-chart').naturalWidth > 0");
		assertAccessible(page);

		Locator csv = assertUsable(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download CSV")));
		assertThat(csv).hasAttribute("href", java.util.regex.Pattern.compile(
				"/api/v1/reports/client-billing\\.csv\\?from=2017-07-01&to=2017-08-31&contactId=" + m.client));
		Download download = page.waitForDownload(csv::click);
		assertThat(download.suggestedFilename()).isEqualTo("client-billing-2017-07-01-2017-08-31.csv");
		assertUsable(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download PNG")));

		assertUsable(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Money three " + m.f.unique)))
			.click();
		page.waitForURL(java.util.regex.Pattern.compile(".*/reports/entries\\?.*projectId=" + m.p3 + ".*"));
		assertThat(page.locator("#entries-table .entry-row")).hasCount(6);
		assertAccessible(page);
	}

	@ParameterizedTest
	@EnumSource(Screen.class)
	void theOtherReportPagesShowTableAndChartAccessibly(Screen screen) {
		MoneyFixture m = new MoneyFixture(new ReportFixture(api, admin(), jdbc));
		Page page = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD, screen);
		for (String path : new String[] { "/reports?groupBy=category&from=2019-01-01&to=2019-12-31&contactId=" + m.f.clientA,
				"/reports/utilization?from=2017-06-01&to=2017-06-30&userId=" + m.staff.id(),
				"/reports/profitability?from=2017-06-01&to=2017-06-30&contactId=" + m.client }) {
			page.navigate(url(path));
			assertThat(page.locator("#report-table .report-row").first()).isVisible();
			assertThat(page.locator("#report-chart")).isVisible();
			assertUsable(page.locator(".report-drill").first());
			assertAccessible(page);
		}
		// a refused filter is shown by name, and what was typed stays
		page.navigate(url("/reports/profitability?from=2017-06-30&to=2017-06-01"));
		assertThat(page.locator("#from + .invalid-feedback")).containsText("must not be after");
		assertThat(page.getByLabel("From")).hasValue("2017-06-30");
		assertAccessible(page);
	}
}
