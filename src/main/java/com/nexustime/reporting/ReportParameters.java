package com.nexustime.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.nexustime.system.web.DateBounds;
import com.nexustime.system.web.Inputs;

/**
 * The report's query parameters as typed (all text, so that the page can show back exactly what was entered
 * and binding itself never fails). {@link #resolve} turns them into a {@link ReportFilter} or names every
 * parameter that is wrong.
 */
public class ReportParameters {

	/** Rates are numeric(12,2): anything longer is not a rate. */
	private static final BigDecimal MAX_RATE = new BigDecimal("9999999999.99");

	private String groupBy;

	private String from;

	private String to;

	private String billable;

	private String minRate;

	private String maxRate;

	private String projectId;

	private String userId;

	private String contactId;

	private String activityId;

	private String category;

	/**
	 * The filter these parameters ask for. Absent dates default to the month containing {@code today}; an absent
	 * grouping to project.
	 */
	public ReportFilter resolve(LocalDate today) {
		List<InvalidReportException.Problem> problems = new ArrayList<>();
		ReportGrouping grouping = ReportGrouping.PROJECT;
		if (present(groupBy)) {
			grouping = ReportGrouping.parse(groupBy).orElse(null);
			if (grouping == null) {
				problems.add(new InvalidReportException.Problem("groupBy", "must be one of user, project, client, activity, category"));
			}
		}
		YearMonth month = YearMonth.from(today);
		LocalDate start = date("from", from, month.atDay(1), problems);
		LocalDate end = date("to", to, month.atEndOfMonth(), problems);
		if (start != null && end != null && start.isAfter(end)) {
			problems.add(new InvalidReportException.Problem("from", "must not be after 'to'"));
		}
		Boolean onlyBillable = null;
		if (present(billable)) {
			switch (billable.trim().toLowerCase(Locale.ROOT)) {
				case "true" -> onlyBillable = true;
				case "false" -> onlyBillable = false;
				case "all", "any" -> onlyBillable = null;
				default -> problems.add(new InvalidReportException.Problem("billable", "must be true or false"));
			}
		}
		BigDecimal lowest = rate("minRate", minRate, problems);
		BigDecimal highest = rate("maxRate", maxRate, problems);
		if (lowest != null && highest != null && lowest.compareTo(highest) > 0) {
			problems.add(new InvalidReportException.Problem("minRate", "must not be more than 'maxRate'"));
		}
		Long project = id("projectId", projectId, problems);
		Long user = id("userId", userId, problems);
		Long contact = id("contactId", contactId, problems);
		Long activity = id("activityId", activityId, problems);
		String activityCategory = null;
		if (present(category)) {
			activityCategory = ActivityCategoryNames.code(category).orElse(null);
			if (activityCategory == null) {
				problems.add(new InvalidReportException.Problem("category", "must be one of "
						+ String.join(", ", ActivityCategoryNames.codes())));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidReportException(problems);
		}
		return new ReportFilter(grouping, start, end, onlyBillable, lowest, highest, project, user, contact, activity,
				activityCategory);
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	private static LocalDate date(String field, String value, LocalDate fallback,
			List<InvalidReportException.Problem> problems) {
		if (!present(value)) {
			return fallback;
		}
		try {
			return DateBounds.parse(value);
		}
		catch (IllegalArgumentException ex) {
			problems.add(new InvalidReportException.Problem(field, ex.getMessage()));
			return null;
		}
	}

	private static BigDecimal rate(String field, String value, List<InvalidReportException.Problem> problems) {
		if (!present(value)) {
			return null;
		}
		BigDecimal rate;
		try {
			rate = Inputs.decimal(value);
		}
		catch (NumberFormatException ex) {
			problems.add(new InvalidReportException.Problem(field, "must be a number like 95.00"));
			return null;
		}
		if (rate.signum() < 0) {
			problems.add(new InvalidReportException.Problem(field, "must be 0 or more"));
			return null;
		}
		if (rate.compareTo(MAX_RATE) > 0 || rate.scale() > 2) {
			problems.add(new InvalidReportException.Problem(field, "must be a rate with at most two decimals"));
			return null;
		}
		return rate;
	}

	private static Long id(String field, String value, List<InvalidReportException.Problem> problems) {
		if (!present(value)) {
			return null;
		}
		try {
			long id = Inputs.wholeNumber(value);
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(new InvalidReportException.Problem(field, "must be an id"));
		return null;
	}

	public String getGroupBy() {
		return groupBy;
	}

	public void setGroupBy(String groupBy) {
		this.groupBy = groupBy;
	}

	public String getFrom() {
		return from;
	}

	public void setFrom(String from) {
		this.from = from;
	}

	public String getTo() {
		return to;
	}

	public void setTo(String to) {
		this.to = to;
	}

	public String getBillable() {
		return billable;
	}

	public void setBillable(String billable) {
		this.billable = billable;
	}

	public String getMinRate() {
		return minRate;
	}

	public void setMinRate(String minRate) {
		this.minRate = minRate;
	}

	public String getMaxRate() {
		return maxRate;
	}

	public void setMaxRate(String maxRate) {
		this.maxRate = maxRate;
	}

	public String getProjectId() {
		return projectId;
	}

	public void setProjectId(String projectId) {
		this.projectId = projectId;
	}

	public String getUserId() {
		return userId;
	}

	public void setUserId(String userId) {
		this.userId = userId;
	}

	public String getContactId() {
		return contactId;
	}

	public void setContactId(String contactId) {
		this.contactId = contactId;
	}

	public String getActivityId() {
		return activityId;
	}

	public void setActivityId(String activityId) {
		this.activityId = activityId;
	}

	public String getCategory() {
		return category;
	}

	public void setCategory(String category) {
		this.category = category;
	}
}
