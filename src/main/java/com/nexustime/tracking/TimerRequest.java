package com.nexustime.tracking;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a timer is started on. */
public record TimerRequest(@NotNull(message = "is required") Long projectId,
		@NotNull(message = "is required") Long activityId,
		@Size(max = 2000, message = "must be at most 2000 characters") String description, Boolean billable) {
}
