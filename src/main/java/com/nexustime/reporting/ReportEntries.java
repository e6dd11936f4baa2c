package com.nexustime.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One page of the entries behind a report (the drill-down). The totals cover every matching entry, not only
 * this page, so they equal the report row the filter was narrowed to.
 */
public record ReportEntries(ReportFilter filter, String currency, int page, int size, boolean hasMore,
		long totalEntries, long totalMinutes, BigDecimal totalHours, BigDecimal totalAmount, List<Entry> entries) {

	/**
	 * {@code hours} and {@code rate} are null for fixed costs and adjustments, which carry only an amount;
	 * {@code category} is the activity's category code.
	 */
	public record Entry(String id, LocalDate date, String type, String userId, String person, String projectId,
			String project, String client, String activity, String category, String description, Long minutes, BigDecimal hours,
			BigDecimal rate, BigDecimal amount, boolean billable, String status) {
	}
}
