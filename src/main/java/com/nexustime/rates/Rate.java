package com.nexustime.rates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An hourly rate in force from a date on. Rates are never edited: a new rate with a later
 * {@code effectiveFrom} replaces an old one from that day, so entries priced earlier keep their history.
 */
@Table("rate")
record Rate(@Id Long id, RateScope scope, Long userId, Long projectId, Long activityId, BigDecimal hourlyRate,
		LocalDate effectiveFrom, Instant createdAt) {
}
