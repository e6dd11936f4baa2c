package com.nexustime.tracking;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * "Stop and start new": the running timer ends at {@code end} (default now) and becomes an entry, and a new one
 * starts at {@code startedAt} (default now) on the given project, activity and (per-piece) artwork.
 */
public record TimerSwitch(@NotNull(message = "is required") Long projectId,
		@NotNull(message = "is required") Long activityId,
		@Size(max = 2000, message = "must be at most 2000 characters") String description, Boolean billable,
		Instant end, Instant startedAt, Long artworkId) {

	TimerRequest next() {
		return new TimerRequest(projectId, activityId, description, billable, startedAt, artworkId);
	}
}
