package com.nexustime.dashboard;

import java.math.BigDecimal;
import java.util.List;

import com.nexustime.finance.ProjectFinances;

/**
 * One project on the dashboard. The money is the project's Time tab summary ({@code finance/ProjectFinances}),
 * never summed again here: {@code finalized} is its {@code finalizedToBill}, {@code notBilled} its D/C and
 * hourly work not yet billed, {@code total} billed + finalized. {@code budget} is the project's agreed budget
 * (null without one), not the summary's {@code budget} (money on BUDGET activities); {@code budgetUsed} the
 * summary's billed + finalized + not billed + open fixed costs + open adjustments over the project's life, and
 * {@code budgetUsedPercent} that share of the budget. {@code poUsedPercent}
 * is the highest use of any of its purchase orders ({@code poNumber}), {@code poAlertState} how that order
 * stands against the alert threshold: NONE (no purchase order), OK (below), OVER (at or above it) or ALERT (an
 * alert on it still waits for its follow-up). {@code people}: who booked the most hours on it, most first.
 */
public record ProjectLine(Long id, String name, BigDecimal billed, BigDecimal finalized, BigDecimal notBilled,
		BigDecimal total, BigDecimal budget, BigDecimal budgetUsed, BigDecimal budgetUsedPercent,
		BigDecimal poUsedPercent, String poNumber, String poAlertState, int openAlerts,
		List<ProjectFinances.PersonHours> people, String timeUrl) {
}
