package com.nexustime.timesheet;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.Test;

import com.nexustime.support.BrowserTest;
import com.nexustime.support.TestUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The weekly grid in a real browser: typing, pasting and drag-filling a week, saving it, and locked days. */
class TimesheetBrowserTest extends BrowserTest {

	private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

	@Test
	void fillTheWeekByTypingPastingAndDragFillingThenSaveAndReload() {
		TimesheetFixture f = new TimesheetFixture(jdbc);
		f.staff.client(api).post("/api/v1/timesheets/" + MONDAY + "/rows",
				Map.of("projectId", f.project, "activityId", f.design));
		Page page = signedIn(f.staff.email(), TestUsers.PASSWORD);
		page.navigate(url("/timesheet?week=" + MONDAY));
		assertThat(page.locator("#week-status")).hasText("OPEN");
		assertThat(page.locator("#grid-rows tr")).hasCount(1);

		// a second row from the picker, which offers what the rules allow on the project
		page.selectOption("#new-row-project", String.valueOf(f.project));
		page.locator("#new-row-activity option[value='" + f.review + "']").waitFor(
				new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
		page.selectOption("#new-row-activity", String.valueOf(f.review));
		page.click("#add-row");
		assertThat(page.locator("#grid-rows tr")).hasCount(2);

		// typing, moving with the arrow keys and Enter
		cell(page, 0, 0).click();
		page.keyboard().type("1.5");
		page.keyboard().press("ArrowRight");
		page.keyboard().type("1:30");
		page.keyboard().press("Enter");
		page.keyboard().type("2");
		assertThat(cell(page, 1, 1)).hasValue("2");

		// a block from a spreadsheet: two days of the second row
		cell(page, 1, 2).focus();
		cell(page, 1, 2).evaluate("""
				(input, text) => {
				  const data = new DataTransfer();
				  data.setData('text/plain', text);
				  input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
				}""", "3\t4\r\n");
		assertThat(cell(page, 1, 2)).hasValue("3");
		assertThat(cell(page, 1, 3)).hasValue("4");

		// drag-fill Friday's value across the weekend
		cell(page, 0, 4).click();
		page.keyboard().type("6");
		BoundingBox handle = page.locator(".fill-handle").boundingBox();
		BoundingBox sunday = cell(page, 0, 6).boundingBox();
		page.mouse().move(handle.x + handle.width / 2, handle.y + handle.height / 2);
		page.mouse().down();
		page.mouse().move(sunday.x + sunday.width / 2, sunday.y + sunday.height / 2, new Mouse.MoveOptions().setSteps(5));
		page.mouse().up();
		assertThat(cell(page, 0, 5)).hasValue("6");
		assertThat(cell(page, 0, 6)).hasValue("6");
		assertThat(page.locator("#week-total")).hasText("30.00");

		page.click("#save-grid");
		assertThat(page.locator("#grid-message")).hasText("Saved.");

		page.reload();
		assertThat(cell(page, 0, 0)).hasValue("1.5");
		assertThat(cell(page, 0, 1)).hasValue("1.5");
		assertThat(cell(page, 0, 4)).hasValue("6");
		assertThat(cell(page, 0, 6)).hasValue("6");
		assertThat(cell(page, 1, 1)).hasValue("2");
		assertThat(cell(page, 1, 3)).hasValue("4");
		assertThat(page.locator("#week-total")).hasText("30.00");
		assertThat(f.entries(f.staff.id(), MONDAY)).hasSize(8);
	}

	@Test
	void aLockedDayCannotBeEditedAndARefusalKeepsWhatWasTyped() {
		TimesheetFixture f = new TimesheetFixture(jdbc);
		f.staff.client(api).put("/api/v1/timesheets/" + MONDAY, Map.of("rows",
				List.of(TimesheetFixture.row(f.project, f.design, "", "2", "", "", "", "", ""))));
		jdbc.sql("update time_entry set status = 'FINALIZED' where user_id = ?").param(f.staff.id()).update();

		Page page = signedIn(f.staff.email(), TestUsers.PASSWORD);
		page.navigate(url("/timesheet?week=" + MONDAY.plusDays(3)));
		assertThat(page).hasURL(url("/timesheet?week=" + MONDAY));
		assertThat(cell(page, 0, 1)).isDisabled();
		assertThat(cell(page, 0, 1)).hasValue("2");
		assertThat(cell(page, 0, 0)).isEnabled();

		// more than a day holds is refused by the rules; the typed value stays and the cell is marked
		cell(page, 0, 2).fill("25");
		page.click("#save-grid");
		assertThat(page.locator("#grid-message")).containsText("24");
		assertThat(cell(page, 0, 2)).hasValue("25");
		assertThat(cell(page, 0, 2)).hasClass(Pattern.compile("is-invalid"));
	}

	private static Locator cell(Page page, int row, int day) {
		return page.locator("#grid-rows input[data-row='" + row + "'][data-day='" + day + "']");
	}
}
