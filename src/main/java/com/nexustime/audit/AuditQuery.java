package com.nexustime.audit;

import java.time.Instant;

/**
 * What an auditor asks for; every criterion is optional. {@code from} is inclusive, {@code to} exclusive.
 */
public record AuditQuery(String entityType, String entityId, String actor, Instant from, Instant to, int limit) {

	public static final int DEFAULT_LIMIT = 200;

	public static final int MAX_LIMIT = 5000;
}
