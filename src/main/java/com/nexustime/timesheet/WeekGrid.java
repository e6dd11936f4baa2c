package com.nexustime.timesheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One person's week as the grid shows it: rows project × activity, seven days of hours, which cells the
 * week-locking rules keep the caller from changing, and the totals. Hours are decimal with two places.
 */
public record WeekGrid(Long userId, LocalDate weekStart, List<LocalDate> days, String status,
		@JsonInclude(JsonInclude.Include.NON_NULL) String comment, List<Row> rows, List<BigDecimal> dayTotals,
		BigDecimal total) {

	/** One project × activity line of the week. */
	public record Row(Long projectId, String projectName, Long activityId, String activityName,
			List<BigDecimal> hours, List<Boolean> locked, BigDecimal total) {
	}
}
