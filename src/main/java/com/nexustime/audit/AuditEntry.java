package com.nexustime.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record of the audit log as auditors read it; {@code before} and {@code after} are the stored JSON, and
 * stay in the answer as null for a creation or a deletion; {@code changes} lists every field with its value
 * before and after and whether it changed. {@code hash} and {@code previousHash} are the record's seal in the
 * chain and its predecessor's; both are null until the sealer has sealed the record (normally within seconds).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditEntry(Long id, Instant at, String actor, String action, String entityType, String entityId,
		JsonNode before, JsonNode after, String hash, String previousHash) {

	/** The per-field difference of {@code before} and {@code after}, every field of either side. */
	@JsonProperty("changes")
	public List<FieldChange> changes() {
		return FieldChange.between(before, after);
	}
}
