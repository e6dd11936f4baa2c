package com.nexustime.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Clock;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.BrowserTest;
import com.nexustime.support.TestUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opt-in idle handling: the browser's clock is set back 25 minutes while the page loads and then forward to the
 * real time, as if the person had been away; the page asks and changes nothing until they choose.
 */
class IdleBrowserTest extends BrowserTest {

	private TrackingFixture f;

	private Instant timerStart;

	@BeforeEach
	void runningTimer() {
		f = new TrackingFixture(jdbc);
		f.projectRate(f.project, "60.00", LocalDate.of(2020, 1, 1));
		timerStart = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(40));
		assertThat(f.staff.client(api).post("/api/v1/timer", Map.of("projectId", f.project, "activityId", f.design,
				"description", "Wireframes", "startedAt", timerStart.toString())).status()).isEqualTo(201);
	}

	@Test
	void discardingTheTimeAwayStopsAtItsStartAndRunsAgainFromTheReturn() {
		Page page = backAfterTwentyFiveMinutes();
		page.click("#idle-discard");
		assertThat(page.locator("#idle-dialog")).isHidden();

		List<Integer> minutes = entryMinutes();
		assertThat(minutes).hasSize(1);
		assertThat(minutes.get(0)).isBetween(14, 16);
		assertThat(restartedAgo()).isLessThan(Duration.ofMinutes(1));
		assertThat(page.locator("#timer-what")).containsText("Wireframes");
	}

	@Test
	void splittingRecordsTheTimeAwayOnTheChosenActivity() {
		Page page = backAfterTwentyFiveMinutes();
		page.click("#idle-split-open");
		page.selectOption("#idle-activity", new SelectOption().setLabel("Management " + f.unique));
		page.fill("#idle-description", "Call with the client");
		page.click("#idle-split-save");
		assertThat(page.locator("#idle-dialog")).isHidden();

		List<Map<String, Object>> entries = jdbc.sql(
				"select activity_id, minutes, description from time_entry where user_id = ? order by started_at")
			.param(f.staff.id()).query().listOfRows();
		assertThat(entries).hasSize(2);
		assertThat(((Number) entries.get(0).get("activity_id")).longValue()).isEqualTo(f.design);
		assertThat(((Number) entries.get(1).get("activity_id")).longValue()).isEqualTo(f.management);
		assertThat((Integer) entries.get(1).get("minutes")).isBetween(24, 26);
		assertThat(entries.get(1).get("description")).isEqualTo("Call with the client");
		assertThat(restartedAgo()).isLessThan(Duration.ofMinutes(1));
	}

	@Test
	void keepChangesNothing() {
		Page page = backAfterTwentyFiveMinutes();
		page.click("#idle-keep");
		assertThat(page.locator("#idle-dialog")).isHidden();
		assertThat(entryMinutes()).isEmpty();
		assertThat(jdbc.sql("select started_at from running_timer where user_id = ?").param(f.staff.id())
			.query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(timerStart);
	}

	private Page backAfterTwentyFiveMinutes() {
		Page page = signedIn(f.staff.email(), TestUsers.PASSWORD);
		page.evaluate("() => { localStorage.setItem('nexus.idle.enabled', 'true');"
				+ " localStorage.setItem('nexus.idle.minutes', '10'); localStorage.removeItem('nexus.idle.lastActive'); }");
		long realNow = System.currentTimeMillis();
		page.clock().install(new Clock.InstallOptions().setTime(realNow - Duration.ofMinutes(25).toMillis()));
		page.reload();
		assertThat(page.locator("#timer")).hasAttribute("data-state", "running");

		page.clock().setSystemTime(System.currentTimeMillis());
		page.waitForResponse(r -> r.url().endsWith("/api/v1/timer"),
				() -> page.evaluate("window.dispatchEvent(new Event('focus'))"));
		page.waitForTimeout(300);
		assertThat(entryMinutes()).isEmpty();

		page.mouse().move(20, 200);
		page.mouse().move(40, 220);
		assertThat(page.locator("#idle-dialog")).isVisible();
		assertThat(page.locator("#idle-text")).containsText("You were away from");
		assertThat(entryMinutes()).as("nothing changes before the choice").isEmpty();
		return page;
	}

	private List<Integer> entryMinutes() {
		return jdbc.sql("select minutes from time_entry where user_id = ?").param(f.staff.id()).query(Integer.class)
			.list();
	}

	private Duration restartedAgo() {
		Instant started = jdbc.sql("select started_at from running_timer where user_id = ?").param(f.staff.id())
			.query(java.sql.Timestamp.class).single().toInstant();
		return Duration.between(started, Instant.now()).abs();
	}
}
