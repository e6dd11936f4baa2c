package com.nexustime.reporting;

import java.util.Locale;
import java.util.Optional;

/**
 * What one report row stands for. Each grouping names the SQL of its key and name, and the drill-down
 * parameter that narrows the report to one of its rows.
 */
public enum ReportGrouping {

	USER("u.id", "u.name", "userId", "Person"),
	PROJECT("p.id", "p.name", "projectId", "Project"),
	CLIENT("c.id", "c.name", "contactId", "Client"),
	ACTIVITY("a.id", "a.name", "activityId", "Activity"),
	/** The activity's category; the key is its code, the name its words ({@link ActivityCategoryNames}). */
	CATEGORY("a.category", "a.category", "category", "Category");

	final String keySql;

	final String nameSql;

	private final String drillParameter;

	private final String label;

	ReportGrouping(String keySql, String nameSql, String drillParameter, String label) {
		this.keySql = keySql;
		this.nameSql = nameSql;
		this.drillParameter = drillParameter;
		this.label = label;
	}

	/** The query parameter that narrows a report to one row of this grouping, e.g. {@code projectId}. */
	public String drillParameter() {
		return drillParameter;
	}

	public String label() {
		return label;
	}

	/** Groupings that read each entry's activity. */
	boolean byActivity() {
		return this == ACTIVITY || this == CATEGORY;
	}

	/** The spelling used in URLs: {@code user}, {@code project}, {@code client}, {@code activity}, {@code category}. */
	public String parameter() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<ReportGrouping> parse(String text) {
		for (ReportGrouping grouping : values()) {
			if (grouping.name().equalsIgnoreCase(text.trim())) {
				return Optional.of(grouping);
			}
		}
		return Optional.empty();
	}
}
