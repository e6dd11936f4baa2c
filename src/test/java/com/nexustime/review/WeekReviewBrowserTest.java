package com.nexustime.review;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Page;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.nexustime.support.BrowserTest;
import com.nexustime.support.TestUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Staff submit a week on the grid; the manager finds it in the tasklist by the person's name and week, tries to
 * reject without a comment (refused, beside the comment), then approves with the Approve button; the grid says
 * so. At phone and laptop width, each step passing axe-core and using the buttons a person sees.
 */
class WeekReviewBrowserTest extends BrowserTest {

	private static final LocalDate WEEK = LocalDate.of(2026, 10, 26);

	@ParameterizedTest
	@EnumSource(Screen.class)
	void submitThenDecideWithTwoButtons(Screen screen) {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		TestUsers.TestUser manager = TestUsers.create(jdbc, "MANAGER", "STAFF");
		TestUsers.TestUser staff = TestUsers.create(jdbc, "STAFF");
		jdbc.sql("update app_user set manager_id = ?, name = ? where id = ?")
			.params(manager.id(), "Dana Staff " + unique, staff.id()).update();
		long contact = jdbc.sql("insert into contact (name, email) values (?, 'b@example.com') returning id")
			.param("Browser client " + unique).query(Long.class).single();
		long project = jdbc.sql("insert into project (name, contact_id, type) values (?, ?, 'STANDARD') returning id")
			.params("Browser project " + unique, contact).query(Long.class).single();
		long activity = jdbc.sql("insert into activity (name, category) values (?, 'DESIGN_CREATIVE') returning id")
			.param("Browser design " + unique).query(Long.class).single();
		staff.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY", "projectId", project,
				"activityId", activity, "date", WEEK.toString(), "minutes", 480));

		Page staffPage = signedIn(staff.email(), TestUsers.PASSWORD, screen);
		staffPage.navigate(url("/timesheet?week=" + WEEK));
		assertThat(staffPage.locator("#week-status")).hasText("Open");
		assertUsable(button(staffPage, "Submit week")).click();
		assertThat(staffPage.locator("#week-status")).hasText("Submitted");

		String subject = "Dana Staff " + unique + " — week of 26 Oct 2026";
		Page managerPage = signedIn(manager.email(), TestUsers.PASSWORD, screen);
		managerPage.navigate(url("/tasks"));
		assertThat(managerPage.locator("#tasks")).not().containsText("week:" + staff.id());
		assertAccessible(managerPage);
		managerPage.locator("#tasks tr", new Page.LocatorOptions().setHasText(subject)).locator("text=Open").click();
		assertThat(managerPage.locator("#task-subject")).hasText(subject);
		assertThat(managerPage.locator("#week-heading")).hasText(subject);
		assertThat(managerPage.locator("main")).not().containsText("week:" + staff.id());
		assertThat(managerPage.locator("#week-total")).hasText("8.00");
		assertAccessible(managerPage);
		assertThat(managerPage.getByLabel("Approve this week")).hasCount(0);

		assertUsable(button(managerPage, "Reject")).click();
		assertThat(managerPage.locator("#form-errors")).containsText("needs a comment");
		assertThat(managerPage.getByLabel("Comment")).hasAttribute("aria-invalid", "true");
		assertAccessible(managerPage);

		managerPage.getByLabel("Comment").fill("Looks right");
		assertUsable(button(managerPage, "Approve")).click();
		assertThat(managerPage).hasURL(url("/tasks"));
		assertThat(managerPage.locator(".alert-success")).containsText("Done: Review week");

		staffPage.reload();
		assertThat(staffPage.locator("#week-status")).hasText("Approved");
		assertAccessible(staffPage);
	}

	@ParameterizedTest
	@EnumSource(Screen.class)
	void theForgottenPasswordPageIsReadable(Screen screen) {
		Page page = anonymous(screen);
		page.navigate(url("/login"));
		assertUsable(page.getByText("Forgot your password?")).click();
		assertThat(page).hasURL(url("/password/forgot"));
		assertAccessible(page);
		assertUsable(page.getByLabel("Email")).fill("nobody-" + UUID.randomUUID() + "@test.local");
		assertUsable(button(page, "Send me a link")).click();
		assertThat(page.locator("#reset-sent")).containsText("If an account has the address");
		assertAccessible(page);
		assertNoSidewaysScrolling(page);
	}
}
