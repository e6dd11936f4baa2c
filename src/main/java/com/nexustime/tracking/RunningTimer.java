package com.nexustime.tracking;

import java.time.Instant;

/** The one timer a user may have running; it lives in the database, so every device sees the same one. */
public record RunningTimer(Long id, Long userId, Long projectId, Long activityId, String description, boolean billable,
		Instant startedAt) {
}
