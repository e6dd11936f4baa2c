package com.nexustime.approval;

import java.time.Instant;

/**
 * One piece of evidence: a send, view, decision, reminder or expiry, with where it came from; for a mail of the
 * approval (SENT, DELIVERED, REMINDED, RESENT) the address it went to in {@code recipient}.
 */
public record ApprovalEvent(String action, Instant at, String ip, String userAgent, String signature, String reason,
		String recipient) {
}
