package com.nexustime.review;

import java.time.LocalDate;

/** A user-week as the weekly-timesheet process names it: business key {@code week:<userId>:<weekStart>}. */
public record WeekKey(long userId, LocalDate weekStart) {

	static final String PREFIX = "week:";

	public String businessKey() {
		return PREFIX + userId + ":" + weekStart;
	}

	public static WeekKey parse(String businessKey) {
		if (businessKey == null || !businessKey.startsWith(PREFIX)) {
			throw new IllegalArgumentException("not a week business key: " + businessKey);
		}
		String[] parts = businessKey.substring(PREFIX.length()).split(":");
		return new WeekKey(Long.parseLong(parts[0]), LocalDate.parse(parts[1]));
	}

	@Override
	public String toString() {
		return businessKey();
	}
}
