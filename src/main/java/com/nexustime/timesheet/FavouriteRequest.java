package com.nexustime.timesheet;

import jakarta.validation.constraints.NotNull;

/** A project × activity pair to star. */
record FavouriteRequest(@NotNull(message = "is required") Long projectId,
		@NotNull(message = "is required") Long activityId) {
}
