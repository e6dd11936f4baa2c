package com.nexustime.budget;

import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import com.nexustime.support.BrowserTest;
import com.nexustime.support.TestUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The weekly grid page shows the alert of the save that crossed, and only of that save. */
class PoAlertBrowserTest extends BrowserTest {

	@Test
	void theGridShowsTheAlertAfterTheSaveThatCrossed() {
		BudgetFixture f = new BudgetFixture(jdbc);
		f.projectRate(f.project, "100.00");
		f.manager.client(api).post("/api/v1/time-entries", Map.of("type", "FIXED_COST", "projectId", f.project,
				"activityId", f.fixedCost, "date", "2026-11-02", "amount", "9400.00"));
		f.staff.client(api).post("/api/v1/timesheets/2026-11-16/rows",
				Map.of("projectId", f.project, "activityId", f.design));
		Page page = signedIn(f.staff.email(), TestUsers.PASSWORD);
		page.navigate(url("/timesheet?week=2026-11-16"));
		assertThat(page.locator("#grid-rows tr")).hasCount(1);

		page.locator("#grid-rows input[data-row='0'][data-day='0']").fill("2");
		page.click("#save-grid");
		assertThat(page.locator("#grid-message"))
			.hasText("Saved. Budget alert: PO " + f.poNumber + " (" + f.invoiceGroup + ") has reached 96 % of its amount.");
		assertThat(page.locator("#grid-message")).hasClass(java.util.regex.Pattern.compile("alert-warning"));

		page.locator("#grid-rows input[data-row='0'][data-day='1']").fill("1");
		page.click("#save-grid");
		assertThat(page.locator("#grid-message")).hasText("Saved.");
	}

	@Test
	void theEntryFormOffersAPurchaseOrderOnlyWhereThereIsAChoice() {
		BudgetFixture f = new BudgetFixture(jdbc);
		long single = f.project("Single " + f.unique);
		f.purchaseOrder(single, "PO-S-" + f.unique, "Only " + f.unique, "100.00");
		long print = f.purchaseOrder(f.project, "PO-P-" + f.unique, "Print " + f.unique, "500.00");
		Page page = signedIn(f.staff.email(), TestUsers.PASSWORD);
		page.navigate(url("/time"));
		assertThat(page.locator("#purchase-order-field")).isHidden();

		page.selectOption("#projectId", String.valueOf(f.project));
		assertThat(page.locator("#purchase-order-field")).isVisible();
		assertThat(page.locator("#purchaseOrderId option")).hasCount(3);
		page.selectOption("#purchaseOrderId", String.valueOf(print));

		page.selectOption("#projectId", String.valueOf(single));
		assertThat(page.locator("#purchaseOrderId option")).hasCount(2);
		assertThat(page.locator("#purchase-order-field")).isHidden();
	}
}
