package com.nexustime.approval;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One entry as it is sent to the client: what the snapshot records and the lines are summed from. */
record CoveredEntry(long id, int version, String type, LocalDate date, String userName, String projectName,
		String activityName, String description, Integer minutes, BigDecimal rate, BigDecimal amount) {

	boolean isTime() {
		return "ACTIVITY".equals(type);
	}
}
