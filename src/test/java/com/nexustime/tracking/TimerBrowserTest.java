package com.nexustime.tracking;

import java.time.LocalDate;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import com.nexustime.support.BrowserTest;
import com.nexustime.support.TestUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The header timer in two browsers of one person: start in one, see and stop it in the other. */
class TimerBrowserTest extends BrowserTest {

	@Test
	void startInOneBrowserStopInAnother() {
		TrackingFixture f = new TrackingFixture(jdbc);
		f.projectRate(f.project, "80.00", LocalDate.of(2020, 1, 1));
		Page laptop = signedIn(f.staff.email(), TestUsers.PASSWORD);
		assertThat(laptop.locator("#timer")).hasAttribute("data-state", "stopped");

		laptop.click("#timer-start-toggle");
		laptop.selectOption("#timer-project", new SelectOption().setLabel("STANDARD " + f.unique));
		laptop.selectOption("#timer-activity", new SelectOption().setLabel("Design " + f.unique));
		laptop.fill("#timer-description", "Logo round two");
		laptop.click("#timer-start");
		assertThat(laptop.locator("#timer-what")).containsText("Design " + f.unique);
		assertThat(laptop.locator("#timer-what")).containsText("Logo round two");
		assertThat(laptop.locator("#timer-elapsed")).hasText(java.util.regex.Pattern.compile("0:00:0[1-9]"));
		assertAccessible(laptop);
		assertUsable(button(laptop, "Stop"));
		assertUsable(button(laptop, "Discard"));

		// a second start from the form is refused and offers to stop and start new
		laptop.click("#timer-start-toggle");
		laptop.selectOption("#timer-project", new SelectOption().setLabel("STANDARD " + f.unique));
		laptop.selectOption("#timer-activity", new SelectOption().setLabel("Management " + f.unique));
		laptop.click("#timer-start");
		assertThat(laptop.locator("#timer-conflict")).isVisible();
		assertAccessible(laptop);
		assertUsable(button(laptop, "Stop and start new"));
		laptop.click("#timer-switch");
		assertThat(laptop.locator("#timer-what")).containsText("Management " + f.unique);
		laptop.keyboard().press("Escape");

		Page phone = signedIn(f.staff.email(), TestUsers.PASSWORD);
		assertThat(phone.locator("#timer-what")).containsText("Management " + f.unique);
		phone.click("#timer-stop");
		assertThat(phone.locator("#timer-running")).isHidden();

		// the first browser drops it at its next poll; a focus event asks at once
		laptop.evaluate("window.dispatchEvent(new Event('focus'))");
		assertThat(laptop.locator("#timer-running")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(20_000));
		assertThat(laptop.locator("#timer")).hasAttribute("data-state", "stopped");
		assertThat(jdbc.sql("select count(*) from time_entry where user_id = ?").param(f.staff.id())
			.query(Long.class).single()).isEqualTo(2);
	}
}
