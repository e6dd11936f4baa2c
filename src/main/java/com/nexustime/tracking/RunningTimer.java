package com.nexustime.tracking;

import java.time.Instant;

/**
 * The one timer a user may have running; it lives in the database, so every device sees the same one. The
 * project and activity names (and the artwork's number, for per-piece work) come along so that the page header can
 * show them without further requests.
 */
public record RunningTimer(Long id, Long userId, Long projectId, String projectName, Long activityId,
		String activityName, String description, boolean billable, Instant startedAt, Instant remindedAt,
		Long artworkId, String artworkName) {
}
