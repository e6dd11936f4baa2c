package com.nexustime.tracking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

/** A partial change to an entry: fields left out keep their value. {@code version} guards against lost updates.
 * A change of project without {@code purchaseOrderId} puts the entry on the new project's first purchase order. */
public record EntryChanges(
		Long projectId,
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
		Integer version,
		Long purchaseOrderId) {

	/** A change that leaves the purchase order as it is (or to the default, when the project changes). */
	public EntryChanges(Long projectId, Long activityId, LocalDate date, Integer minutes, BigDecimal hours,
			Instant start, Instant end, String description, Boolean billable, Boolean notInvoiced, Long artworkId,
			BigDecimal amount, Long vendorId, Long employeeId, String notes, Integer version) {
		this(projectId, activityId, date, minutes, hours, start, end, description, billable, notInvoiced, artworkId,
				amount, vendorId, employeeId, notes, version, null);
	}
}
