package com.nexustime.timesheet;

import java.time.LocalDate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.Test;

import com.nexustime.catalog.PerPieceFixture;
import com.nexustime.support.BrowserTest;
import com.nexustime.support.TestUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly grid at laptop width on per-piece work: adding a row offers the project's artworks (and only for a
 * per-piece project), the row is labelled with the artwork, and its hours are saved on that artwork.
 */
class GridArtworkBrowserTest extends BrowserTest {

	private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

	@Test
	void aRowAddedForAnArtworkSavesItsHoursOnIt() {
		PerPieceFixture fx = new PerPieceFixture(jdbc, admin());
		long artwork = fx.artwork(fx.project, "A-101", fx.tier("Complex"), 1);
		long standard = jdbc.sql("insert into project (name, contact_id, type) values (?, ?, 'STANDARD') returning id")
			.params("Standard " + fx.unique, fx.contact).query(Long.class).single();

		Page page = signedIn(fx.staff.email(), TestUsers.PASSWORD, Screen.LAPTOP);
		page.navigate(url("/timesheet?week=" + MONDAY));
		Locator picker = page.locator("#timesheet").getByLabel("Artwork", new Locator.GetByLabelOptions().setExact(true));
		assertThat(picker).isHidden();
		page.selectOption("#new-row-project", String.valueOf(standard));
		page.locator("#new-row-activity:enabled").waitFor();
		assertThat(picker).isHidden();

		page.selectOption("#new-row-project", String.valueOf(fx.project));
		assertUsable(picker);
		String label = "A-101 · Primary carton · tier " + fx.tier("Complex") + " · 1 alteration";
		assertThat(picker.locator("option")).hasText(new String[] { "No artwork", label });
		page.locator("#new-row-activity option[value='" + fx.activity + "']").waitFor(
				new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
		page.selectOption("#new-row-activity", String.valueOf(fx.activity));
		picker.selectOption(new SelectOption().setLabel(label));
		assertAccessible(page);
		page.click("#add-row");

		Locator row = page.locator("#grid-rows tr").first();
		assertThat(row.locator(".row-name")).hasText("Packaging " + fx.unique + " · Artwork design " + fx.unique
				+ " · Artwork A-101");
		page.locator("#grid-rows input[data-row='0'][data-day='0']").fill("2.5");
		page.click("#save-grid");
		assertThat(page.locator("#grid-message")).hasText("Saved.");
		assertAccessible(page);

		assertThat(jdbc.sql("select artwork_id from time_entry where user_id = ?").param(fx.staff.id())
			.query(Long.class).list()).containsExactly(artwork);
		page.reload();
		assertThat(page.locator("#grid-rows tr").first().locator(".row-name")).containsText("Artwork A-101");
	}
}
