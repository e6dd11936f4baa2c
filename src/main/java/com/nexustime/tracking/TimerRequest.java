package com.nexustime.tracking;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a timer is started on. {@code startedAt} back-dates the start (forgot to press start), at most 24 hours
 * and never into the future; without it the timer starts now.
 */
public record TimerRequest(@NotNull(message = "is required") Long projectId,
		@NotNull(message = "is required") Long activityId,
		@Size(max = 2000, message = "must be at most 2000 characters") String description, Boolean billable,
		Instant startedAt) {
}
