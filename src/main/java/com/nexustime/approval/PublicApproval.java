package com.nexustime.approval;

import java.time.Instant;

/** What the public link shows: the document as sent and, once decided, the decision. */
public record PublicApproval(long id, ApprovalDocument document, String status, String signature,
		String declineReason, Instant decidedAt) {

	public boolean isPending() {
		return "SENT".equals(status);
	}

	public boolean isApproved() {
		return "APPROVED".equals(status);
	}
}
