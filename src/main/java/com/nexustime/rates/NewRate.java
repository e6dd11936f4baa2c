package com.nexustime.rates;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

/** A rate to add: the API's request body and the page's form. Which ids a scope takes is checked as a whole. */
@ScopeTargets
public class NewRate {

	@NotNull
	private RateScope scope;

	private Long userId;

	private Long projectId;

	private Long activityId;

	@NotNull
	@DecimalMin(value = "0.00", message = "must not be negative")
	@Digits(integer = 10, fraction = 2, message = "must have at most 10 digits and 2 decimals")
	private BigDecimal hourlyRate;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate effectiveFrom;

	public RateScope getScope() {
		return scope;
	}

	public void setScope(RateScope scope) {
		this.scope = scope;
	}

	public Long getUserId() {
		return userId;
	}

	public void setUserId(Long userId) {
		this.userId = userId;
	}

	public Long getProjectId() {
		return projectId;
	}

	public void setProjectId(Long projectId) {
		this.projectId = projectId;
	}

	public Long getActivityId() {
		return activityId;
	}

	public void setActivityId(Long activityId) {
		this.activityId = activityId;
	}

	public BigDecimal getHourlyRate() {
		return hourlyRate;
	}

	public void setHourlyRate(BigDecimal hourlyRate) {
		this.hourlyRate = hourlyRate;
	}

	public LocalDate getEffectiveFrom() {
		return effectiveFrom;
	}

	public void setEffectiveFrom(LocalDate effectiveFrom) {
		this.effectiveFrom = effectiveFrom;
	}
}
