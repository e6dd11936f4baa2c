package com.nexustime.people;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

/** A cost rate to set: the API's request body and the user page's form. {@code effectiveFrom} defaults to 1970-01-01. */
public class NewCostRate {

	@NotNull(message = "is required")
	@DecimalMin(value = "0.00", message = "must not be negative")
	@Digits(integer = 10, fraction = 2, message = "must have at most 10 digits and 2 decimals")
	private BigDecimal rate;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate effectiveFrom;

	public BigDecimal getRate() {
		return rate;
	}

	public void setRate(BigDecimal rate) {
		this.rate = rate;
	}

	public LocalDate getEffectiveFrom() {
		return effectiveFrom;
	}

	public void setEffectiveFrom(LocalDate effectiveFrom) {
		this.effectiveFrom = effectiveFrom;
	}
}
