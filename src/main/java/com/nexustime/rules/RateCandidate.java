package com.nexustime.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A row of the rate table offered to the rate-precedence rules: its id, scope ({@code WORKSPACE},
 * {@code USER}, {@code PROJECT}), whose or which project's rate it is, the activity it is limited to (null
 * for any activity), the hourly rate and the day it takes effect. Rows that do not concern the question
 * (another user, project or activity; not in force yet) may be offered: the rules ignore them.
 */
public record RateCandidate(Long id, String scope, Long userId, Long projectId, Long activityId,
		BigDecimal hourlyRate, LocalDate effectiveFrom) {

	/**
	 * Whether this rate replaces {@code other} at the same level: it takes effect later, or on the same day
	 * and was recorded later (a higher id).
	 */
	public boolean supersedes(RateCandidate other) {
		int byDate = effectiveFrom.compareTo(other.effectiveFrom);
		if (byDate != 0) {
			return byDate > 0;
		}
		return id != null && other.id != null && id > other.id;
	}
}
