package com.nexustime.finance;

import java.util.Optional;

/**
 * The tabs of a project's timesheet list. Fixed budget holds every entry of a BUDGET-category activity; the
 * other tabs hold the rest by entry type.
 */
public enum TimesheetTab {

	REGULAR("Regular", "e.type = 'ACTIVITY' and a.category is distinct from 'BUDGET'"),
	FIXED_COSTS("Fixed costs", "e.type = 'FIXED_COST' and a.category is distinct from 'BUDGET'"),
	ADJUSTMENTS("Adjustments", "e.type = 'ADJUSTMENT'"),
	FIXED_BUDGET("Fixed budget", "a.category = 'BUDGET'");

	private final String label;

	/** The SQL condition choosing the tab's entries; a constant, never user input. */
	final String condition;

	TimesheetTab(String label, String condition) {
		this.label = label;
		this.condition = condition;
	}

	public String label() {
		return label;
	}

	public String slug() {
		return name().toLowerCase().replace('_', '-');
	}

	/** The tab a query parameter names ({@code fixed-costs} or {@code FIXED_COSTS}); Regular when none matches. */
	public static TimesheetTab of(String param) {
		return named(param).orElse(REGULAR);
	}

	/** The tab a query parameter names, if it names one. */
	public static Optional<TimesheetTab> named(String param) {
		if (param != null) {
			String name = param.trim().toUpperCase().replace('-', '_');
			for (TimesheetTab tab : values()) {
				if (tab.name().equals(name)) {
					return Optional.of(tab);
				}
			}
		}
		return Optional.empty();
	}
}
