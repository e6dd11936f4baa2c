package com.nexustime.tracking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import com.nexustime.support.BrowserTest;
import com.nexustime.support.TestUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A person corrects an entry on Time entries, and runs the header timer on a phone. */
class EntriesBrowserTest extends BrowserTest {

	@ParameterizedTest
	@EnumSource(Screen.class)
	void staffEditAnEntrysActivityAndDescriptionAndSeeTheChange(Screen screen) {
		TrackingFixture f = new TrackingFixture(jdbc);
		f.projectRate(f.project, "100.00", LocalDate.of(2020, 1, 1));
		LocalDate recent = LocalDate.now(ZoneOffset.UTC).minusDays(1);
		var created = f.staff.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY", "projectId",
				f.project, "activityId", f.design, "date", recent.toString(), "minutes", 60, "description", "Logo skteches"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		Page page = signedIn(f.staff.email(), TestUsers.PASSWORD, screen);
		page.navigate(url("/time"));
		Locator row = page.locator("#entries tbody tr").filter(new Locator.FilterOptions().setHasText("Logo skteches"));
		assertAccessible(page);
		assertUsable(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit entry of " + recent)))
			.click();

		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Edit entry"))).isVisible();
		assertAccessible(page);
		Locator form = page.locator("#edit-form");
		form.getByLabel("Activity").selectOption(new SelectOption().setLabel("Management " + f.unique));
		form.getByLabel("Description").fill("Logo sketches");
		assertUsable(button(page, "Save changes")).click();

		page.waitForURL(url("/time"));
		assertThat(page.locator(".alert-success")).containsText("Saved 1.00 h on " + recent);
		Locator changed = page.locator("#entries tbody tr").filter(new Locator.FilterOptions().setHasText("Logo sketches"));
		assertThat(changed).hasCount(1);
		assertThat(changed).containsText("Management " + f.unique);
		assertThat(page.locator("#entries")).not().containsText("Logo skteches");
		assertNoSidewaysScrolling(page);
	}

	@Test
	void theHeaderTimerOnAPhoneStartsWithItsBillableSwitchAndShowsThePoAlertOnStop() {
		TrackingFixture f = new TrackingFixture(jdbc);
		f.projectRate(f.project, "100.00", LocalDate.of(2020, 1, 1));
		String poNumber = "PO-" + f.unique;
		jdbc.sql("insert into purchase_order (project_id, number, amount, invoice_group) values (?, ?, ?, ?)")
			.params(f.project, poNumber, new BigDecimal("1000.00"), "Design " + f.unique).update();
		long internal = jdbc.sql("insert into activity (name, category, billable) values (?, 'MANAGEMENT', false) "
				+ "returning id").param("Internal " + f.unique).query(Long.class).single();
		// 9 of the order's 10 hours are booked: the next hour crosses its 95 % threshold
		var booked = f.staff.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY", "projectId",
				f.project, "activityId", f.design, "date", "2026-11-16", "minutes", 540));
		assertThat(booked.status()).as(booked.toString()).isEqualTo(201);

		Page phone = signedIn(f.staff.email(), TestUsers.PASSWORD, Screen.PHONE);
		phone.locator(".navbar-toggler").click();
		phone.click("#timer-start-toggle");
		phone.selectOption("#timer-project", new SelectOption().setLabel("STANDARD " + f.unique));
		Locator billable = phone.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName("Billable"));
		phone.selectOption("#timer-activity", new SelectOption().setLabel("Internal " + f.unique));
		assertUsable(billable);
		assertThat(billable).not().isChecked();
		phone.selectOption("#timer-activity", new SelectOption().setLabel("Design " + f.unique));
		assertThat(billable).isChecked();
		assertAccessible(phone);
		assertUsable(phone.locator("#timer-start")).click();
		assertThat(phone.locator("#timer-what")).containsText("Design " + f.unique);
		assertThat(jdbc.sql("select billable from running_timer where user_id = ?").param(f.staff.id())
			.query(Boolean.class).single()).isTrue();

		// the hour of work happened: the timer started an hour ago
		jdbc.sql("update running_timer set started_at = started_at - interval '1 hour' where user_id = ?")
			.param(f.staff.id()).update();
		assertUsable(button(phone, "Stop")).click();
		assertThat(phone.locator("#timer-running")).isHidden();
		Locator alert = phone.locator("#timer-alerts .po-alert");
		assertThat(alert).isVisible();
		// the pattern runs as a JavaScript regex: the number and group are hex and dashes, nothing to escape
		assertThat(alert).containsText(Pattern.compile("Budget alert: PO " + poNumber + " \\(Design " + f.unique
				+ "\\) has reached 10\\d(\\.\\d+)? % of its amount\\."));
		assertThat(phone.locator("#timer-alerts")).hasAttribute("aria-live", "polite");
		assertAccessible(phone);
		assertNoSidewaysScrolling(phone);
	}
}
