package com.nexustime.approval;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One entry as it is sent to the client: what the snapshot records and the lines are summed from. {@code rowNote}
 * is the note the person wrote on the entry's row of their weekly grid (what that line of work is about), or null.
 */
record CoveredEntry(long id, int version, String type, LocalDate date, String userName, String projectName,
		String activityName, String description, Integer minutes, BigDecimal rate, BigDecimal amount, String rowNote) {

	/** An entry without a row note. */
	CoveredEntry(long id, int version, String type, LocalDate date, String userName, String projectName,
			String activityName, String description, Integer minutes, BigDecimal rate, BigDecimal amount) {
		this(id, version, type, date, userName, projectName, activityName, description, minutes, rate, amount, null);
	}

	boolean isTime() {
		return "ACTIVITY".equals(type);
	}
}
