package com.nexustime.notify;

import java.time.Instant;

/** One mail in the outbox, as the admin page lists it: a secret link in it shows as withheld. */
public record OutboxMail(Long id, String recipient, String subject, String body, String status, int attempts,
		String lastError, Instant nextAttemptAt, Instant createdAt, Instant sentAt, String attachmentName,
		boolean secretLinkWithheld) {
}
