package com.nexustime.approval;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The frozen JSON of a submission as stored, with its hash as recorded at send time and whether hashing the
 * stored JSON again (keys sorted, no whitespace — the send-time form) still gives that hash.
 */
public record SubmissionSnapshot(long approvalId, JsonNode snapshot, String snapshotHash, String recomputedHash,
		boolean matches) {

	public String pretty() {
		return snapshot.toPrettyString();
	}
}
