package com.nexustime.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Per project in a period: value (what its time and costs bill at, the Time tab's figures), cost (hours × each
 * person's cost rate in force on the entry's day, plus fixed costs), margin and margin %, budget and how much of
 * it the value uses. Confidential: only admins and managers get it.
 */
public record ProfitabilityReport(LocalDate from, LocalDate to, String currency, List<Row> rows, BigDecimal totalValue,
		BigDecimal totalCost, BigDecimal totalMargin, @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal totalMarginPercent) {

	/**
	 * {@code hoursWithoutCostRate}: hours booked by people with no cost rate in force on the day, which cost
	 * nothing here; a non-zero figure means the cost is understated.
	 */
	public record Row(String projectId, String name, String client, @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal budget, BigDecimal value,
			BigDecimal cost, BigDecimal margin, @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal marginPercent,
			@JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal budgetUsedPercent, BigDecimal hours,
			BigDecimal timeCost, BigDecimal fixedCost, BigDecimal hoursWithoutCostRate) {
	}
}
