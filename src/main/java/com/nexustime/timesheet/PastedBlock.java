package com.nexustime.timesheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a block pasted from a spreadsheet: one line per row, cells separated by tabs. A line names its project
 * and activity in its first two cells, or in its first cell as "Project — Activity" (an em or en dash, or the
 * grid's own "·"), followed by up to seven days of hours. Blank lines are skipped. Names are only read here;
 * what they name is decided by {@code Bookability}.
 */
final class PastedBlock {

	/** Bounds of one paste: enough for any real week, small enough to answer quickly. */
	static final int MAX_CHARS = 20_000;

	static final int MAX_LINES = 50;

	private static final Pattern COMBINED = Pattern.compile("\\s*[—–·]\\s*");

	/** One line of the block: its number as the person counts (from 1), the names and the hours as typed. */
	record Line(int number, String project, String activity, List<String> hours) {
	}

	private PastedBlock() {
	}

	/** The lines of {@code text}; throws {@link GridInputException} on field "text" naming the first bad line. */
	static List<Line> parse(String text) {
		if (text == null || text.isBlank()) {
			throw new GridInputException("text", "paste a block with a project, an activity and the hours per line");
		}
		if (text.length() > MAX_CHARS) {
			throw new GridInputException("text", "a paste holds at most " + MAX_CHARS + " characters");
		}
		String[] raw = text.split("\r?\n|\r", -1);
		List<Line> lines = new ArrayList<>();
		for (int n = 0; n < raw.length; n++) {
			if (raw[n].isBlank()) {
				continue;
			}
			if (lines.size() == MAX_LINES) {
				throw new GridInputException("text", "a paste holds at most " + MAX_LINES + " lines");
			}
			lines.add(line(n + 1, raw[n]));
		}
		return lines;
	}

	private static Line line(int number, String text) {
		List<String> cells = new ArrayList<>(Arrays.asList(text.split("\t", -1)));
		String first = cells.remove(0).strip();
		String project;
		String activity;
		var combined = COMBINED.matcher(first);
		if (combined.find()) {
			project = first.substring(0, combined.start()).strip();
			activity = first.substring(combined.end()).strip();
		}
		else {
			if (cells.isEmpty()) {
				throw new GridInputException("text", "line " + number + " names no activity: put the project and "
						+ "the activity in two columns (tab between), or write them as \"Project — Activity\"");
			}
			project = first;
			activity = cells.remove(0).strip();
		}
		if (project.isEmpty() || activity.isEmpty()) {
			throw new GridInputException("text", "line " + number + " needs both a project and an activity");
		}
		while (cells.size() > TimesheetService.DAYS && cells.get(cells.size() - 1).isBlank()) {
			cells.remove(cells.size() - 1);
		}
		if (cells.size() > TimesheetService.DAYS) {
			throw new GridInputException("text", "line " + number + " has " + cells.size()
					+ " day columns; a week has " + TimesheetService.DAYS);
		}
		List<String> hours = new ArrayList<>();
		for (int d = 0; d < TimesheetService.DAYS; d++) {
			String value = d < cells.size() ? cells.get(d).strip() : "";
			try {
				HoursInput.minutes(value);
			}
			catch (IllegalArgumentException unreadable) {
				throw new GridInputException("text", "line " + number + ", day " + (d + 1) + ": "
						+ unreadable.getMessage());
			}
			hours.add(value);
		}
		return new Line(number, project, activity, hours);
	}
}
