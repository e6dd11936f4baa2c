package com.nexustime.notify;

import java.time.Instant;

/** Something the app tells one person in the page header; {@code link} is where to act on it. */
public record Notification(Long id, Long userId, String kind, String message, String link, Instant createdAt,
		Instant readAt) {
}
