package com.nexustime.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the timesheet PDF and the client's email show about one client approval, taken from the
 * snapshot as sent (never from live entries).
 */
public record ApprovalDocument(long approvalId, String workspaceName, String brandColor, String logoUrl,
		String senderName, String currency, String contactName, String contactEmail, String contactCompany,
		String ownerName, LocalDate periodFrom, LocalDate periodTo, String grouping, String message, List<Line> lines,
		BigDecimal totalHours, BigDecimal totalAmount, String snapshotHash, Instant sentAt, Instant expiresAt) {

	/** One line as sent: the group it belongs to (project, activity, person or day) and its figures. */
	public record Line(String group, String description, BigDecimal hours, BigDecimal rate, BigDecimal amount) {
	}
}
