package com.nexustime.tracking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.nexustime.system.web.DateBounds;

/**
 * One entry as stored and as the API shows it. Rate and amount are the values resolved when the entry was
 * saved; later rate changes never touch them.
 */
public record TimeEntry(Long id, EntryType type, Long userId, Long projectId, Long activityId, LocalDate date,
		Instant start, Instant end, Integer minutes, BigDecimal rate, String rateSource, BigDecimal amount,
		boolean billable, boolean notInvoiced, String description, String notes, Long vendorId, Long employeeId,
		Long artworkId, Long purchaseOrderId, EntryStatus status, Long invoiceId, Instant createdAt,
		Instant updatedAt, int version, List<Alert> alerts) {

	/** A notice raised by the save that produced this entry (purchase-order threshold crossings). */
	public record Alert(String type, String poNumber, String invoiceGroup, BigDecimal percent) {

		public static final String PO_THRESHOLD = "PO_THRESHOLD";

		/** "PO 4711 (Design) has reached 96 % of its amount." */
		public String message() {
			return "PO " + poNumber + " (" + invoiceGroup + ") has reached "
					+ percent.stripTrailingZeros().toPlainString() + " % of its amount.";
		}
	}

	@JsonProperty("hours")
	public BigDecimal hours() {
		return minutes == null ? null : hoursOf(minutes);
	}

	/** The first day an entry may have: the same range the reports and the project figures read. */
	public static final LocalDate FIRST_DAY = DateBounds.FIRST_DAY;

	/** The last day an entry may have. */
	public static final LocalDate LAST_DAY = DateBounds.LAST_DAY;

	/** Whether an entry may be dated {@code date}: between {@link #FIRST_DAY} and {@link #LAST_DAY}. */
	public static boolean datable(LocalDate date) {
		return DateBounds.contains(date);
	}

	public static BigDecimal hoursOf(int minutes) {
		return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
	}

	/** Money for {@code minutes} of work at {@code rate}, rounded half-up to cents. */
	public static BigDecimal amountFor(int minutes, BigDecimal rate) {
		return rate.multiply(BigDecimal.valueOf(minutes)).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
	}

	TimeEntry withAlerts(List<Alert> raised) {
		return new TimeEntry(id, type, userId, projectId, activityId, date, start, end, minutes, rate, rateSource,
				amount, billable, notInvoiced, description, notes, vendorId, employeeId, artworkId, purchaseOrderId,
				status, invoiceId, createdAt, updatedAt, version, raised);
	}
}
