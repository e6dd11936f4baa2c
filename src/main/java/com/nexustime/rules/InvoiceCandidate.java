package com.nexustime.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An entry as the invoicing rules see it: what it is ({@code ACTIVITY}, {@code FIXED_COST},
 * {@code ADJUSTMENT}), whose and when, its project and that project's status, its activity (null for money
 * entries without one) with the activity's name and category, its amount, and the two flags a person sets on
 * it ({@code billable}, {@code notInvoiced}). Its lifecycle status is left out on purpose: the caller hands
 * over only entries whose status lets them be billed at its step.
 */
public record InvoiceCandidate(long entryId, String type, long userId, LocalDate date, long projectId,
		String projectStatus, Long activityId, String activityName, String activityCategory, BigDecimal amount,
		boolean billable, boolean notInvoiced) {
}
