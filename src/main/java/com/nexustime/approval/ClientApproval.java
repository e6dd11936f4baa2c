package com.nexustime.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A client approval as the owner and the API see it. {@code approvalUrl} is only known in the answer that
 * created it (only the token's hash is stored); {@code events} and {@code changedSinceSent} are filled when read.
 */
public record ClientApproval(Long id, String status, String approvalUrl, Long contactId, String contactName,
		Long ownerId, String ownerName, LocalDate from, LocalDate to, Grouping grouping, String message,
		String snapshotHash, String pdfHash, List<ApprovalDocument.Line> lines, BigDecimal totalHours,
		BigDecimal totalAmount, Instant expiresAt, Instant createdAt, String signature, String declineReason,
		Instant decidedAt, String decidedIp, String processInstanceId, Boolean changedSinceSent,
		List<ApprovalEvent> events) {

	public boolean isPending() {
		return "SENT".equals(status);
	}

	ClientApproval withUrl(String url) {
		return new ClientApproval(id, status, url, contactId, contactName, ownerId, ownerName, from, to, grouping,
				message, snapshotHash, pdfHash, lines, totalHours, totalAmount, expiresAt, createdAt, signature,
				declineReason, decidedAt, decidedIp, processInstanceId, changedSinceSent, events);
	}

	ClientApproval withEvidence(boolean changed, List<ApprovalEvent> evidence) {
		return new ClientApproval(id, status, approvalUrl, contactId, contactName, ownerId, ownerName, from, to,
				grouping, message, snapshotHash, pdfHash, lines, totalHours, totalAmount, expiresAt, createdAt,
				signature, declineReason, decidedAt, decidedIp, processInstanceId, changed, evidence);
	}
}
