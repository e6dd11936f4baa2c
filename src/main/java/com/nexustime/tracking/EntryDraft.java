package com.nexustime.tracking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The fields of an entry before validation decided its date, minutes, billable flag, rate and amount;
 * {@code billable} is null when the person did not say (the activity's flag then decides, see
 * {@link EntryDrafts#billable}).
 */
record EntryDraft(EntryType type, long userId, Long projectId, Long activityId, LocalDate date, Integer minutes,
		BigDecimal hours, Instant start, Instant end, String description, Boolean billable, boolean notInvoiced,
		Long artworkId, BigDecimal amount, Long vendorId, Long employeeId, String notes, Long purchaseOrderId) {

	/** A draft of time on {@code activityId} of {@code projectId} with nothing else given: what a timer asks about. */
	static EntryDraft trackable(long userId, Long projectId, Long activityId) {
		return new EntryDraft(EntryType.ACTIVITY, userId, projectId, activityId, null, null, null, null, null, null,
				null, false, null, null, null, null, null, null);
	}

	/** Whether validation will price this draft by the rate rules (so its save reads the rate candidates). */
	boolean pricedByRate() {
		return type == EntryType.ACTIVITY && projectId != null && activityId != null;
	}
}
