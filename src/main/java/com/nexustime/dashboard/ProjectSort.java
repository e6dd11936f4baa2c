package com.nexustime.dashboard;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

/** The columns the dashboard's project table sorts by, named as in the URL ({@code ?sort=notBilled&dir=desc}). */
public enum ProjectSort {

	NAME("name", Comparator.comparing(ProjectLine::name, String.CASE_INSENSITIVE_ORDER)),
	BILLED("billed", money(ProjectLine::billed)),
	FINALIZED("finalized", money(ProjectLine::finalized)),
	NOT_BILLED("notBilled", money(ProjectLine::notBilled)),
	TOTAL("total", money(ProjectLine::total)),
	BUDGET("budget", money(ProjectLine::budget)),
	BUDGET_USED("budgetUsedPercent", money(ProjectLine::budgetUsedPercent)),
	PO_USED("poUsedPercent", money(ProjectLine::poUsedPercent)),
	OPEN_ALERTS("openAlerts", Comparator.comparingInt(ProjectLine::openAlerts));

	/** The pattern the API checks {@code sort} against. */
	public static final String NAMES = "name|billed|finalized|notBilled|total|budget|budgetUsedPercent|poUsedPercent|openAlerts";

	private final String param;

	private final Comparator<ProjectLine> order;

	ProjectSort(String param, Comparator<ProjectLine> order) {
		this.param = param;
		this.order = order;
	}

	public String param() {
		return param;
	}

	/**
	 * The order of the column, ties by name; a project without the figure (no budget, no purchase order) sorts
	 * after those with it whichever the direction.
	 */
	Comparator<ProjectLine> order(boolean descending) {
		Comparator<ProjectLine> byColumn = descending ? order.reversed() : order;
		Comparator<ProjectLine> missingLast = Comparator.comparing(line -> missing(line) ? 1 : 0);
		return missingLast.thenComparing(byColumn)
			.thenComparing(ProjectLine::name, String.CASE_INSENSITIVE_ORDER)
			.thenComparing(ProjectLine::id);
	}

	private boolean missing(ProjectLine line) {
		return switch (this) {
			case BUDGET -> line.budget() == null;
			case BUDGET_USED -> line.budgetUsedPercent() == null;
			case PO_USED -> line.poUsedPercent() == null;
			default -> false;
		};
	}

	public static Optional<ProjectSort> named(String param) {
		return Arrays.stream(values()).filter(sort -> sort.param.equals(param)).findFirst();
	}

	private static Comparator<ProjectLine> money(Function<ProjectLine, BigDecimal> figure) {
		return Comparator.comparing(figure, Comparator.nullsLast(Comparator.naturalOrder()));
	}
}
