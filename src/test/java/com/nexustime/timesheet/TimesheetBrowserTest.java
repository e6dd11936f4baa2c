package com.nexustime.timesheet;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
		assertThat(page.locator("#week-status")).hasText("Open");
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

	@Test
	void onAPhoneTheGridShowsOneDayAtATimeWithNotesAndPastedRows() {
		TimesheetFixture f = new TimesheetFixture(jdbc);
		f.staff.client(api).post("/api/v1/timesheets/" + MONDAY + "/rows",
				Map.of("projectId", f.project, "activityId", f.design));
		Page page = signedIn(f.staff.email(), TestUsers.PASSWORD, Screen.PHONE);
		page.navigate(url("/timesheet?week=" + MONDAY));
		assertThat(page.locator("#grid-rows tr")).hasCount(1);

		// Monday alone; the switcher moves a day at a time or straight to a day
		assertThat(page.locator("#day-shown")).hasText("Monday 16 November");
		assertThat(cell(page, 0, 0)).isVisible();
		assertThat(cell(page, 0, 1)).isHidden();
		assertAccessible(page);
		assertNoSidewaysScrolling(page);
		assertUsable(button(page, "Next day →"));
		button(page, "Next day →").click();
		assertThat(page.locator("#day-shown")).hasText("Tuesday 17 November");
		assertThat(cell(page, 0, 0)).isHidden();
		cell(page, 0, 1).fill("2");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wednesday 18 November")).click();
		assertThat(cell(page, 0, 2)).isVisible();
		cell(page, 0, 2).fill("1.5");
		assertThat(page.locator("#week-total")).hasText("3.50");

		// a note for Wednesday's cell, written in the dialog and saved with the grid
		Locator wednesdayNote = page.locator("#grid-rows button[data-note-row='0'][data-note-day='2']");
		assertUsable(wednesdayNote);
		wednesdayNote.click();
		assertThat(page.getByLabel("What was done that day")).isFocused();
		page.getByLabel("What was done that day").fill("Colour study for the home page");
		assertAccessible(page);
		button(page, "Done").click();
		assertThat(wednesdayNote).isFocused();
		button(page, "Save").click();
		assertThat(page.locator("#grid-message")).hasText("Saved.");
		assertThat(page.locator("#grid-totals td.day-total.day-current")).hasText("1.50");

		page.reload();
		assertThat(page.locator("#grid-rows button[data-note-row='0'][data-note-day='2']"))
			.hasAttribute("aria-label", Pattern.compile("Colour study for the home page$"));
		assertThat(page.locator("#week-total")).hasText("3.50");

		// a pasted line that names a row not yet in the grid creates it
		page.locator("#paste-rows summary").click();
		page.getByLabel(Pattern.compile("^One line per row")).fill("grid project " + f.unique + "\treview " + f.unique
				+ "\t1\t\t\t\t\t\t");
		button(page, "Add the pasted rows").click();
		assertThat(page.locator("#grid-rows tr")).hasCount(2);
		assertThat(page.locator("#week-total")).hasText("4.50");
		assertAccessible(page);
		assertThat(f.entries(f.staff.id(), MONDAY)).hasSize(3);
	}

	@Test
	void onALaptopTheWholeWeekShowsWithRowNotesAndFavourites() {
		TimesheetFixture f = new TimesheetFixture(jdbc);
		f.staff.client(api).put("/api/v1/timesheets/" + MONDAY.minusDays(7), Map.of("rows",
				List.of(TimesheetFixture.row(f.project, f.review, "1", "", "", "", "", "", ""))));
		f.staff.client(api).post("/api/v1/timesheets/" + MONDAY + "/rows",
				Map.of("projectId", f.project, "activityId", f.design));
		Page page = signedIn(f.staff.email(), TestUsers.PASSWORD, Screen.LAPTOP);
		page.navigate(url("/timesheet?week=" + MONDAY));
		assertThat(page.locator("#grid-rows tr")).hasCount(1);
		for (int d = 0; d < 7; d++) {
			assertThat(cell(page, 0, d)).isVisible();
		}
		assertThat(page.locator("#day-switcher")).isHidden();

		// a row note, kept by keyboard: the dialog opens, takes the text, and Enter on Done closes it
		Locator rowNote = page.locator("#grid-rows button[data-note-row='0']:not([data-note-day])");
		rowNote.focus();
		page.keyboard().press("Enter");
		page.getByLabel("What this row is about").fill("Homepage redesign");
		button(page, "Done").click();
		button(page, "Save").click();
		assertThat(page.locator("#grid-message")).hasText("Saved.");
		page.reload();
		assertThat(page.locator("#grid-rows .row-note")).hasText("Homepage redesign");

		// a star makes the row a favourite, which the menu then adds to any week in one click
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
			.setName("Favourite: Grid project " + f.unique + " · Design " + f.unique)).click();
		assertThat(page.locator("#grid-rows .row-star")).hasAttribute("aria-pressed", "true");
		assertAccessible(page);

		page.navigate(url("/timesheet?week=" + MONDAY.plusDays(7)));
		assertThat(page.locator("#grid-empty")).isVisible();
		button(page, "Favourites").click();
		button(page, "Grid project " + f.unique + " · Design " + f.unique).click();
		assertThat(page.locator("#grid-rows tr")).hasCount(1);
		assertThat(page.locator("#grid-rows .row-name")).hasText("Grid project " + f.unique + " · Design " + f.unique);

		// last week's rows, without their hours
		button(page, "Rows from last week").click();
		assertThat(page.locator("#grid-message")).containsText("Last week's rows");
		assertAccessible(page);
	}

	private static Locator cell(Page page, int row, int day) {
		return page.locator("#grid-rows input[data-row='" + row + "'][data-day='" + day + "']");
	}
}
