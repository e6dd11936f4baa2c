package com.nexustime.tracking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

/** A partial change to an entry: fields left out keep their value. {@code version} guards against lost updates. */
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
		@Digits(integer = 12, fraction = 2, message = "must be an amount with at most two decimals") BigDecimal amount,
		Long vendorId,
		Long employeeId,
		@Size(max = 2000, message = "must be at most 2000 characters") String notes,
		Integer version) {
}
