package com.nexustime.timesheet;

import jakarta.validation.constraints.NotNull;

/** A project × activity to pin to a week's grid before any hours are booked on it. */
record NewRow(Long userId, @NotNull(message = "is required") Long projectId,
		@NotNull(message = "is required") Long activityId) {
}
