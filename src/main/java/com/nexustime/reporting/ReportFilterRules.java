package com.nexustime.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which filters a report can answer. Profitability and client billing show a project's own figures (its Time
 * tab's), which exist per project and period only: a person, billable, rate, activity or category filter would
 * change what the figures mean, so such a filter is refused by name rather than ignored.
 */
enum ReportFilterRules {

	/** Every filter of the time report. */
	ANY,

	/** Period, client and project. */
	PROJECT_FIGURES;

	private static final String NOT_HERE = "is not a filter of this report: its figures are each project's own, as on"
			+ " the project's Time tab (filter by period, client or project)";

	ReportFilter resolve(ReportParameters parameters, LocalDate today) {
		List<InvalidReportException.Problem> problems = new ArrayList<>();
		ReportFilter filter = null;
		try {
			filter = parameters.resolve(today);
		}
		catch (InvalidReportException ex) {
			problems.addAll(ex.problems());
		}
		if (this == PROJECT_FIGURES) {
			refuse("userId", parameters.getUserId(), problems);
			refuse("billable", parameters.getBillable(), problems);
			refuse("minRate", parameters.getMinRate(), problems);
			refuse("maxRate", parameters.getMaxRate(), problems);
			refuse("activityId", parameters.getActivityId(), problems);
			refuse("category", parameters.getCategory(), problems);
		}
		if (!problems.isEmpty()) {
			throw new InvalidReportException(problems);
		}
		return filter;
	}

	private static void refuse(String field, String value, List<InvalidReportException.Problem> problems) {
		if (value != null && !value.isBlank() && problems.stream().noneMatch(p -> p.field().equals(field))) {
			problems.add(new InvalidReportException.Problem(field, NOT_HERE));
		}
	}
}
