package com.nexustime.workspace;

import java.time.DayOfWeek;

/** The day a timesheet week begins on. */
public enum WeekStart {
	MONDAY(DayOfWeek.MONDAY), SUNDAY(DayOfWeek.SUNDAY);

	private final DayOfWeek day;

	WeekStart(DayOfWeek day) {
		this.day = day;
	}

	public DayOfWeek day() {
		return day;
	}
}
