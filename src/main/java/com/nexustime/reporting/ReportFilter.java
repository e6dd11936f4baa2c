package com.nexustime.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated report question: how to group, the period (both days included), and the optional filters.
 * A null filter value means "no filter".
 */
public record ReportFilter(ReportGrouping groupBy, LocalDate from, LocalDate to, Boolean billable,
		BigDecimal minRate, BigDecimal maxRate, Long projectId, Long userId, Long contactId) {

	boolean filtersByRate() {
		return minRate != null || maxRate != null;
	}

	/** The same question narrowed to one row of the report (the drill-down). */
	public ReportFilter narrowedTo(String key) {
		long id = Long.parseLong(key);
		return switch (groupBy) {
			case USER -> new ReportFilter(groupBy, from, to, billable, minRate, maxRate, projectId, id, contactId);
			case PROJECT -> new ReportFilter(groupBy, from, to, billable, minRate, maxRate, id, userId, contactId);
			case CLIENT -> new ReportFilter(groupBy, from, to, billable, minRate, maxRate, projectId, userId, id);
		};
	}

	/** The query parameters that ask this question again, in a stable order; absent filters are left out. */
	public Map<String, String> parameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("groupBy", groupBy.parameter());
		parameters.put("from", from.toString());
		parameters.put("to", to.toString());
		put(parameters, "billable", billable);
		put(parameters, "minRate", minRate == null ? null : minRate.toPlainString());
		put(parameters, "maxRate", maxRate == null ? null : maxRate.toPlainString());
		put(parameters, "projectId", projectId);
		put(parameters, "userId", userId);
		put(parameters, "contactId", contactId);
		return parameters;
	}

	private static void put(Map<String, String> parameters, String name, Object value) {
		if (value != null) {
			parameters.put(name, value.toString());
		}
	}
}
