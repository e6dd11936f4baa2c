package com.nexustime.timesheet;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.nexustime.tracking.Bookability;

/** The weekly grid page; the grid itself is drawn and saved by {@code timesheet.js} through the API. */
@Controller
class TimesheetPages {

	private static final String VIEW = "timesheet/week";

	private final TimesheetService timesheets;

	private final Bookability bookability;

	TimesheetPages(TimesheetService timesheets, Bookability bookability) {
		this.timesheets = timesheets;
		this.bookability = bookability;
	}

	@GetMapping("/timesheet")
	String week(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
			@RequestParam(required = false) Long userId, Model model) {
		LocalDate weekStart = week == null ? timesheets.currentWeek() : timesheets.weekContaining(week);
		if (week != null && !week.equals(weekStart)) {
			// any day of a week names that week; keep the address canonical
			return "redirect:/timesheet?week=" + weekStart + (userId == null ? "" : "&userId=" + userId);
		}
		model.addAttribute("weekStart", weekStart);
		model.addAttribute("previousWeek", weekStart.minusWeeks(1));
		model.addAttribute("nextWeek", weekStart.plusWeeks(1));
		model.addAttribute("userId", userId);
		// the add-row picker offers what the activity-availability rules accept time on
		model.addAttribute("projects", bookability.projects());
		return VIEW;
	}
}
