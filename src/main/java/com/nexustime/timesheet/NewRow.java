package com.nexustime.timesheet;

import jakarta.validation.constraints.NotNull;

/**
 * A project × activity to pin to a week's grid before any hours are booked on it; {@code artworkId} (per-piece
 * projects, optional) makes it the row of that artwork.
 */
record NewRow(Long userId, @NotNull(message = "is required") Long projectId,
		@NotNull(message = "is required") Long activityId, Long artworkId) {

	NewRow(Long userId, Long projectId, Long activityId) {
		this(userId, projectId, activityId, null);
	}
}
