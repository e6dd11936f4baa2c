package com.nexustime.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A client approval as the owner and the API see it; {@code events} and {@code changedSinceSent} are filled when
 * read. It never carries the client's link: that exists only in the mail to the contact. {@code recipient} is the
 * name and address the link was mailed to, frozen when the approval was sent.
 */
public record ClientApproval(Long id, String status, Long contactId, String contactName,
		Long ownerId, String ownerName, LocalDate from, LocalDate to, Grouping grouping, String message,
		String snapshotHash, String pdfHash, List<ApprovalDocument.Line> lines, BigDecimal totalHours,
		BigDecimal totalAmount, Instant expiresAt, Instant createdAt, String signature, String declineReason,
		Instant decidedAt, String decidedIp, String processInstanceId,
		@Schema(description = "who the client's links are mailed to, frozen when the approval was sent; "
				+ "every mail of this approval (first, reminders, resends) goes to this address") Recipient recipient,
		Boolean changedSinceSent,
		List<ApprovalEvent> events) {

	/** Who the approval was sent to, as the contact read when it was sent; every mail of it goes here. */
	@Schema(name = "ApprovalRecipient")
	public record Recipient(String name, String email) {
	}

	public boolean isPending() {
		return "SENT".equals(status);
	}

	ClientApproval withEvidence(boolean changed, List<ApprovalEvent> evidence) {
		return new ClientApproval(id, status, contactId, contactName, ownerId, ownerName, from, to,
				grouping, message, snapshotHash, pdfHash, lines, totalHours, totalAmount, expiresAt, createdAt,
				signature, declineReason, decidedAt, decidedIp, processInstanceId, recipient, changed, evidence);
	}
}
