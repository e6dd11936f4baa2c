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
		BigDecimal minRate, BigDecimal maxRate, Long projectId, Long userId, Long contactId, Long activityId,
		String category) {

	/** A question without an activity or category filter. */
	public ReportFilter(ReportGrouping groupBy, LocalDate from, LocalDate to, Boolean billable, BigDecimal minRate,
			BigDecimal maxRate, Long projectId, Long userId, Long contactId) {
		this(groupBy, from, to, billable, minRate, maxRate, projectId, userId, contactId, null, null);
	}

	boolean filtersByRate() {
		return minRate != null || maxRate != null;
	}

	/**
	 * The same question narrowed to one row of the report (the drill-down); null for the row of entries without
	 * an activity (adjustments), which no filter names.
	 */
	public ReportFilter narrowedTo(String key) {
		if (key == null) {
			return null;
		}
		if (groupBy == ReportGrouping.CATEGORY) {
			return new ReportFilter(groupBy, from, to, billable, minRate, maxRate, projectId, userId, contactId,
					activityId, key);
		}
		long id = Long.parseLong(key);
		return switch (groupBy) {
			case USER -> new ReportFilter(groupBy, from, to, billable, minRate, maxRate, projectId, id, contactId,
					activityId, category);
			case PROJECT -> new ReportFilter(groupBy, from, to, billable, minRate, maxRate, id, userId, contactId,
					activityId, category);
			case CLIENT -> new ReportFilter(groupBy, from, to, billable, minRate, maxRate, projectId, userId, id,
					activityId, category);
			case ACTIVITY, CATEGORY -> new ReportFilter(groupBy, from, to, billable, minRate, maxRate, projectId, userId,
					contactId, id, category);
		};
	}

	/** The same question grouped another way. */
	public ReportFilter groupedBy(ReportGrouping grouping) {
		return new ReportFilter(grouping, from, to, billable, minRate, maxRate, projectId, userId, contactId,
				activityId, category);
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
		put(parameters, "activityId", activityId);
		put(parameters, "category", category);
		return parameters;
	}

	private static void put(Map<String, String> parameters, String name, Object value) {
		if (value != null) {
			parameters.put(name, value.toString());
		}
	}
}
