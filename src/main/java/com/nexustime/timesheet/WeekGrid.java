package com.nexustime.timesheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.nexustime.tracking.TimeEntry;

/**
 * One person's week as the grid shows it: rows project × activity, seven days of hours, which cells the
 * week-locking rules keep the caller from changing, and the totals. Hours are decimal with two places.
 * {@code alerts} holds the purchase-order threshold crossings of the save that answered this grid (none on a read).
 */
public record WeekGrid(Long userId, LocalDate weekStart, List<LocalDate> days, String status,
		@JsonInclude(JsonInclude.Include.NON_NULL) String comment, List<Row> rows, List<BigDecimal> dayTotals,
		BigDecimal total, List<TimeEntry.Alert> alerts) {

	WeekGrid withAlerts(List<TimeEntry.Alert> raised) {
		return new WeekGrid(userId, weekStart, days, status, comment, rows, dayTotals, total, raised);
	}

	/**
	 * One project × activity line of the week; on a per-piece project it may be for one artwork ({@code artworkId},
	 * its number as {@code artworkName}; both left out for a line on no artwork). {@code note} is the row's note
	 * (null when none; shared by the artwork lines of one project × activity); {@code notes} holds each day's cell
	 * note: the descriptions of that cell's entries, oldest first, joined with "; " ("" when none).
	 */
	public record Row(Long projectId, String projectName, Long activityId, String activityName,
			List<BigDecimal> hours, List<Boolean> locked, BigDecimal total, String note, List<String> notes,
			@JsonInclude(JsonInclude.Include.NON_NULL) Long artworkId,
			@JsonInclude(JsonInclude.Include.NON_NULL) String artworkName) {
	}
}
