package com.nexustime.approval;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One piece of evidence: a send, view, decision, reminder or expiry, with where it came from; for a mail of the
 * approval (SENT, DELIVERED, REMINDED, RESENT) the address it went to in {@code recipient}.
 */
public record ApprovalEvent(String action, Instant at, String ip, String userAgent, String signature, String reason,
		@Schema(description = "the address a mail of the approval (SENT, DELIVERED, REMINDED, RESENT) went to; "
				+ "null for the client's own actions") String recipient) {
}
