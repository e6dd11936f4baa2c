package com.nexustime.finance;

import java.time.LocalDate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import com.nexustime.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Not invoiced" checkbox is offered on the entry forms of invoice-budget projects only, at phone width: on
 * /time it appears when such a project is chosen and saves the flag; the project's fixed-cost form has it on such a
 * project and not on an hourly one; the Time tab shows the flagged entry as not invoiced.
 */
class NotInvoicedBrowserTest extends BrowserTest {

	@Test
	void theCheckboxIsOfferedOnlyForInvoiceBudgetProjects() {
		FinanceFixture f = new FinanceFixture(api, admin(), jdbc);
		String hourly = f.project("STANDARD", "HOURLY");
		String retainer = f.project("STANDARD", "INVOICE_BUDGET");
		Page page = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD, Screen.PHONE);

		page.navigate(url("/time"));
		// the form's own checkbox, found by its visible label
		Locator notInvoiced = page.locator("#entry-form").getByLabel("Not invoiced", new Locator.GetByLabelOptions().setExact(true));
		page.locator("#projectId").selectOption(hourly);
		assertThat(notInvoiced).isHidden();
		page.locator("#projectId").selectOption(retainer);
		assertUsable(notInvoiced);
		assertAccessible(page);
		page.locator("#activityId").selectOption(f.design);
		page.locator("#hours").fill("2");
		page.locator("#description").fill("Internal review " + f.unique);
		notInvoiced.check();
		button(page, "Save entry").click();
		page.waitForURL(url("/time"));
		Locator row = page.locator("#entries tr", new Page.LocatorOptions().setHasText("Internal review " + f.unique));
		assertThat(row.getByText("not invoiced")).isVisible();
		assertThat(jdbc.sql("select not_invoiced from time_entry where description = ?")
			.param("Internal review " + f.unique).query(Boolean.class).single()).isTrue();

		// switching back to an hourly project hides and clears it, so an hourly entry is never flagged
		page.locator("#projectId").selectOption(retainer);
		notInvoiced.check();
		page.locator("#projectId").selectOption(hourly);
		assertThat(notInvoiced).isHidden();
		assertThat(notInvoiced).not().isChecked();

		// the Time tab shows it as not invoiced
		page.navigate(url("/projects/" + retainer + "/time"));
		assertThat(page.locator("#dollars-grid").getByText("not invoiced")).isVisible();
		assertAccessible(page);

		// the project's fixed-cost form: offered on the retainer, not on the hourly project
		String retainerCost = f.fixedCost(retainer, LocalDate.now(), "80.00");
		String hourlyCost = f.fixedCost(hourly, LocalDate.now(), "80.00");
		page.navigate(url("/projects/" + retainer + "/time/entries/" + retainerCost));
		Locator costFlag = page.getByLabel("Not invoiced (tracked for cost; the budget invoice leaves it out)");
		assertUsable(costFlag);
		assertAccessible(page);
		costFlag.check();
		button(page, "Save").click();
		page.waitForURL(url("/projects/" + retainer + "/time?tab=fixed-costs"));
		assertThat(jdbc.sql("select not_invoiced from time_entry where id = ?").param(Long.valueOf(retainerCost))
			.query(Boolean.class).single()).isTrue();
		page.navigate(url("/projects/" + hourly + "/time/entries/" + hourlyCost));
		assertThat(page.getByText("Not invoiced")).hasCount(0);
	}
}
