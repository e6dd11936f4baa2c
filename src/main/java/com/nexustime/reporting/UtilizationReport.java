package com.nexustime.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Utilization per person over a period: capacity from the person's weekly hours and the period's working days
 * (Monday to Friday), the hours booked, the billable hours, and billable ÷ capacity. {@code utilization} is null
 * when there is no capacity (a period of weekend days only).
 */
public record UtilizationReport(LocalDate from, LocalDate to, int workingDays, boolean ownRowOnly, List<Row> rows,
		BigDecimal totalCapacityHours, BigDecimal totalHours, BigDecimal totalBillableHours,
		@JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal totalUtilization) {

	public record Row(String userId, String name, BigDecimal weeklyHours, BigDecimal capacityHours, BigDecimal hours,
			BigDecimal billableHours, @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal utilization) {
	}
}
