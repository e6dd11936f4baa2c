package com.nexustime.catalog;

import java.time.LocalDate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import com.nexustime.support.BrowserTest;
import com.nexustime.support.TestUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-piece work in the browser at laptop width: the /time form offers the project's artworks and saves the one
 * chosen; the project page prices artworks and completes one; the dollars grid names each entry's artwork with its
 * packaging level and alterations. Every page passes axe-core.
 */
class PerPieceBrowserTest extends BrowserTest {

	@Test
	void timeIsLinkedToAnArtworkFromTheEntryForm() {
		PerPieceFixture fx = new PerPieceFixture(jdbc, admin());
		long artwork = fx.artwork(fx.project, "A-101", fx.tier("Complex"), 1);
		long done = fx.artwork(fx.project, "A-100", fx.tier("Simple"), 0);
		fx.complete(done);

		Page page = signedIn(fx.staff.email(), TestUsers.PASSWORD, Screen.LAPTOP);
		page.navigate(url("/time"));
		Locator form = page.locator("#entry-form");
		Locator picker = form.getByLabel("Artwork", new Locator.GetByLabelOptions().setExact(true));
		assertThat(picker).isHidden();
		form.getByLabel("Project", new Locator.GetByLabelOptions().setExact(true)).selectOption(String.valueOf(fx.project));
		assertUsable(picker);
		assertThat(picker.locator("option")).hasText(new String[] { "No artwork",
				"A-101 · Primary carton · tier " + fx.tier("Complex") + " · 1 alteration" });
		assertAccessible(page);

		form.getByLabel("Activity", new Locator.GetByLabelOptions().setExact(true)).selectOption(String.valueOf(fx.activity));
		picker.selectOption(new SelectOption().setLabel("A-101 · Primary carton · tier " + fx.tier("Complex")
				+ " · 1 alteration"));
		form.getByLabel("Date", new Locator.GetByLabelOptions().setExact(true)).fill(LocalDate.now().toString());
		form.getByLabel("Hours", new Locator.GetByLabelOptions().setExact(true)).fill("1.5");
		page.locator("#save-entry").click();
		page.waitForURL(url("/time"));

		assertThat(jdbc.sql("select artwork_id from time_entry where user_id = ? and project_id = ?")
			.params(fx.staff.id(), fx.project).query(Long.class).list()).containsExactly(artwork);
	}

	@Test
	void theProjectPagePricesArtworksAndTheDollarsGridNamesThem() {
		PerPieceFixture fx = new PerPieceFixture(jdbc, admin());
		fx.price(null, fx.tier("Complex"), "400.00", null);
		fx.price(fx.contact, null, "35.00", null);
		long artwork = fx.artwork(fx.project, "A-101", fx.tier("Complex"), 1);
		fx.entry(fx.project, artwork, LocalDate.now().minusDays(1), 120, "90.00");

		Page page = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD, Screen.LAPTOP);
		page.navigate(url("/projects/" + fx.project));
		Locator row = page.locator("#artworks tbody tr");
		assertThat(row).containsText("435.00");
		assertAccessible(page);
		button(page, "Artwork A-101 complete").click();
		page.waitForURL(url("/projects/" + fx.project));
		assertThat(row).containsText("Completed " + LocalDate.now());
		assertThat(fx.status(jdbc.sql("select id from time_entry where artwork_id = ?").param(artwork)
			.query(Long.class).single())).isEqualTo("FINALIZED");

		page.navigate(url("/projects/" + fx.project + "/time"));
		Locator grid = page.locator("#dollars-grid tbody tr").first();
		assertUsable(grid);
		assertThat(grid).containsText("A-101");
		assertThat(grid).containsText("Primary carton");
		assertThat(grid).containsText("1 alterations");
		assertAccessible(page);
	}
}
