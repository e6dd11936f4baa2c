package com.nexustime.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rate in force for a {@link RateQuestion}: the hourly rate (scale 2), where it came from
 * ({@code PROJECT_ACTIVITY}, {@code PROJECT}, {@code USER_ACTIVITY}, {@code USER}, {@code WORKSPACE} or
 * {@code WORKSPACE_DEFAULT}) and the id of the rate row, null for the workspace default.
 */
public record RateAnswer(BigDecimal hourlyRate, String source, Long rateId) {

	public RateAnswer {
		// money is compared and stored at cents; a rate typed as "95" must equal "95.00"
		hourlyRate = hourlyRate == null ? null : hourlyRate.setScale(2, RoundingMode.HALF_UP);
	}

	/** Called by a rule: {@code rate} is the one in force, found at level {@code source}. */
	public static RateAnswer of(RateCandidate rate, String source) {
		return new RateAnswer(rate.hourlyRate(), source, rate.id());
	}

	/** Called by a rule: no rate row applies, the workspace's default rate does. */
	public static RateAnswer workspaceDefault(RateQuestion question) {
		return new RateAnswer(question.workspaceDefaultRate(), "WORKSPACE_DEFAULT", null);
	}
}
