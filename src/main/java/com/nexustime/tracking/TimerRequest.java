package com.nexustime.tracking;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a timer is started on. {@code startedAt} back-dates the start (forgot to press start), at most 24 hours
 * and never into the future; without it the timer starts now. {@code artworkId} (per-piece projects) is the artwork
 * the time is for; the entry the timer becomes carries it.
 */
public record TimerRequest(@NotNull(message = "is required") Long projectId,
		@NotNull(message = "is required") Long activityId,
		@Size(max = 2000, message = "must be at most 2000 characters") String description, Boolean billable,
		Instant startedAt, Long artworkId) {

	/** A timer on no artwork. */
	public TimerRequest(Long projectId, Long activityId, String description, Boolean billable, Instant startedAt) {
		this(projectId, activityId, description, billable, startedAt, null);
	}
}
