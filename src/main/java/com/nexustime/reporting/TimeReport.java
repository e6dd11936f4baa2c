package com.nexustime.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A time report: one row per person, project or client, ordered by amount (largest first) then name, and totals
 * computed by the same query over the same rows. {@code totalHours} is the sum of the rows' rounded hours, so
 * the column adds up in a spreadsheet; {@code totalMinutes} is exact.
 */
public record TimeReport(ReportGrouping groupBy, LocalDate from, LocalDate to, Boolean billable, BigDecimal minRate,
		BigDecimal maxRate, String currency, boolean ownEntriesOnly, List<Row> rows, long totalMinutes,
		BigDecimal totalHours, BigDecimal totalAmount, long totalEntries) {

	/** {@code key} is the id of the person, project or client; hours come from the entries' minutes. */
	public record Row(@JsonInclude(JsonInclude.Include.ALWAYS) String key, String name, long minutes, BigDecimal hours, BigDecimal amount, long entries) {
	}
}
