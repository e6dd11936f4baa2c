package com.nexustime.review;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import com.nexustime.support.BrowserTest;
import com.nexustime.support.TestUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Staff submit a week on the grid, the manager approves it in the tasklist form, the grid says so; each step
 * passes axe-core and uses the buttons a person sees.
 */
class WeekReviewBrowserTest extends BrowserTest {

	private static final LocalDate WEEK = LocalDate.of(2026, 10, 26);

	@Test
	void submitApproveAndSeeItOnTheGrid() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		TestUsers.TestUser manager = TestUsers.create(jdbc, "MANAGER", "STAFF");
		TestUsers.TestUser staff = TestUsers.create(jdbc, "STAFF");
		jdbc.sql("update app_user set manager_id = ? where id = ?").params(manager.id(), staff.id()).update();
		long contact = jdbc.sql("insert into contact (name, email) values (?, 'b@example.com') returning id")
			.param("Browser client " + unique).query(Long.class).single();
		long project = jdbc.sql("insert into project (name, contact_id, type) values (?, ?, 'STANDARD') returning id")
			.params("Browser project " + unique, contact).query(Long.class).single();
		long activity = jdbc.sql("insert into activity (name, category) values (?, 'DESIGN_CREATIVE') returning id")
			.param("Browser design " + unique).query(Long.class).single();
		staff.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY", "projectId", project,
				"activityId", activity, "date", WEEK.toString(), "minutes", 480));

		Page staffPage = signedIn(staff.email(), TestUsers.PASSWORD);
		staffPage.navigate(url("/timesheet?week=" + WEEK));
		assertThat(staffPage.locator("#week-status")).hasText("OPEN");
		assertAccessible(staffPage);
		assertUsable(button(staffPage, "Submit week")).click();
		assertThat(staffPage.locator("#week-status")).hasText("SUBMITTED");
		assertUsable(button(staffPage, "Recall"));
		assertAccessible(staffPage);

		Page managerPage = signedIn(manager.email(), TestUsers.PASSWORD);
		managerPage.navigate(url("/tasks"));
		managerPage.locator("#tasks tr", new Page.LocatorOptions().setHasText("week:" + staff.id() + ":" + WEEK))
			.locator("text=Open").click();
		assertThat(managerPage.locator("#week-summary")).containsText("Browser project " + unique);
		assertThat(managerPage.locator("#week-total")).hasText("8.00");
		assertAccessible(managerPage);
		assertUsable(managerPage.getByLabel("Approve this week")).check();
		assertUsable(managerPage.getByLabel("Comment")).fill("Looks right");
		assertUsable(button(managerPage, "Complete task")).click();
		assertThat(managerPage).hasURL(url("/tasks"));
		assertThat(managerPage.locator(".alert-success")).containsText("Done: Review week");

		staffPage.reload();
		assertThat(staffPage.locator("#week-status")).hasText("APPROVED");
		assertThat(button(staffPage, "Submit week")).isHidden();
		assertAccessible(staffPage);
	}
}
