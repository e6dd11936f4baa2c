package com.nexustime.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An invoice as the API and the pages show it. Lists leave {@code lines} and {@code entryIds} out (null);
 * {@code approvalUrl} is the owner's page of the approval it was made from.
 */
public record Invoice(Long id, String number, String status, Long contactId, String contactName,
		@JsonInclude(JsonInclude.Include.ALWAYS) Long approvalId, String approvalUrl, LocalDate issueDate,
		LocalDate periodFrom, LocalDate periodTo, String currency, List<Line> lines, BigDecimal total,
		List<Long> entryIds, int entryCount, String snapshotHash, Long createdBy, Instant createdAt, Instant sentAt,
		Instant paidAt, Instant voidedAt, String voidReason, int version) {

	/** One line; hours and rate are null on money-only lines (fixed costs, adjustments). */
	public record Line(int position, String group, String description, BigDecimal hours, BigDecimal rate,
			BigDecimal amount) {
	}

	@JsonIgnore
	public boolean isDraft() {
		return "DRAFT".equals(status);
	}

	@JsonIgnore
	public boolean isSent() {
		return "SENT".equals(status);
	}

	@JsonIgnore
	public boolean isVoidable() {
		return isDraft() || isSent();
	}

	Invoice withDetails(List<Line> details, List<Long> entries) {
		return new Invoice(id, number, status, contactId, contactName, approvalId, approvalUrl, issueDate, periodFrom,
				periodTo, currency, details, total, entries, entryCount, snapshotHash, createdBy, createdAt, sentAt,
				paidAt, voidedAt, voidReason, version);
	}
}
