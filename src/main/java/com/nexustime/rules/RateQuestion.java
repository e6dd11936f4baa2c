package com.nexustime.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Which hourly rate applies to {@code userId}'s time on {@code projectId} and {@code activityId} (null when
 * the entry has no activity) on {@code date}; {@code workspaceDefaultRate} is the workspace setting used
 * when no rate row applies.
 */
public record RateQuestion(long userId, long projectId, Long activityId, LocalDate date,
		BigDecimal workspaceDefaultRate) {

	public RateQuestion {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(workspaceDefaultRate, "workspaceDefaultRate");
	}
}
