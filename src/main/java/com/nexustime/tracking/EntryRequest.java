package com.nexustime.tracking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new entry as the API and the pages send it. Which fields are needed depends on the type: hours of work
 * take {@code date} + {@code minutes} (or {@code hours}) or {@code start} + {@code end}; money entries take
 * {@code date} + {@code amount}. {@code purchaseOrderId} names the project's purchase order the cost counts
 * against; without it the entry counts against the project's first one.
 */
public record EntryRequest(
		@NotNull(message = "is required") EntryType type,
		Long userId,
		@NotNull(message = "is required") Long projectId,
		Long activityId,
		LocalDate date,
		Integer minutes,
		@Digits(integer = 2, fraction = 2, message = "must be hours with at most two decimals") BigDecimal hours,
		Instant start,
		Instant end,
		@Size(max = 2000, message = "must be at most 2000 characters") String description,
		Boolean billable,
		Boolean notInvoiced,
		Long artworkId,
		@Digits(integer = 12, fraction = 2, message = "must be an amount of at most 12 digits before the point and 2 after") BigDecimal amount,
		Long vendorId,
		Long employeeId,
		@Size(max = 2000, message = "must be at most 2000 characters") String notes,
		Long purchaseOrderId) {

	/** An entry that counts against the project's default purchase order. */
	public EntryRequest(EntryType type, Long userId, Long projectId, Long activityId, LocalDate date, Integer minutes,
			BigDecimal hours, Instant start, Instant end, String description, Boolean billable, Boolean notInvoiced,
			Long artworkId, BigDecimal amount, Long vendorId, Long employeeId, String notes) {
		this(type, userId, projectId, activityId, date, minutes, hours, start, end, description, billable, notInvoiced,
				artworkId, amount, vendorId, employeeId, notes, null);
	}

	/** The same request linked to {@code artwork} (per-piece work), or as it is when {@code artwork} is null. */
	public EntryRequest withArtwork(Long artwork) {
		return artwork == null ? this : new EntryRequest(type, userId, projectId, activityId, date, minutes, hours,
				start, end, description, billable, notInvoiced, artwork, amount, vendorId, employeeId, notes,
				purchaseOrderId);
	}
}
