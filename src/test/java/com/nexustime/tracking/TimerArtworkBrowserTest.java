package com.nexustime.tracking;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import com.nexustime.catalog.PerPieceFixture;
import com.nexustime.support.BrowserTest;
import com.nexustime.support.TestUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The header timer on a phone: a per-piece project offers its artworks, and the stopped timer's entry keeps one. */
class TimerArtworkBrowserTest extends BrowserTest {

	@Test
	void aTimerStartedOnAnArtworkRecordsItsTimeOnIt() {
		PerPieceFixture fx = new PerPieceFixture(jdbc, admin());
		long artwork = fx.artwork(fx.project, "B-202", fx.tier("Simple"), 0);

		Page phone = signedIn(fx.staff.email(), TestUsers.PASSWORD, Screen.PHONE);
		phone.locator(".navbar-toggler").click();
		phone.click("#timer-start-toggle");
		Locator form = phone.locator("#timer-form");
		Locator picker = form.getByLabel("Artwork", new Locator.GetByLabelOptions().setExact(true));
		assertThat(picker).isHidden();
		phone.selectOption("#timer-project", new SelectOption().setLabel("Packaging " + fx.unique));
		assertUsable(picker);
		String label = "B-202 · Primary carton · tier " + fx.tier("Simple") + " · 0 alterations";
		assertThat(picker.locator("option")).hasText(new String[] { "No artwork", label });
		phone.selectOption("#timer-activity", new SelectOption().setLabel("Artwork design " + fx.unique));
		picker.selectOption(new SelectOption().setLabel(label));
		assertAccessible(phone);
		assertUsable(phone.locator("#timer-start")).click();

		assertThat(phone.locator("#timer-what")).containsText("Artwork B-202");
		assertThat(jdbc.sql("select artwork_id from running_timer where user_id = ?").param(fx.staff.id())
			.query(Long.class).single()).isEqualTo(artwork);
		assertAccessible(phone);
		assertUsable(button(phone, "Stop")).click();
		assertThat(phone.locator("#timer-running")).isHidden();
		assertThat(jdbc.sql("select artwork_id from time_entry where user_id = ?").param(fx.staff.id())
			.query(Long.class).list()).containsExactly(artwork);
	}
}
