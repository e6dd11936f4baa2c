package com.nexustime.review;

import java.time.LocalDate;

/** Where a user's week stands in the review: OPEN, SUBMITTED, APPROVED or REJECTED (with the manager's comment). */
public record WeekStatus(Long userId, LocalDate weekStart, String status, String processInstanceId, String comment,
		Long decidedBy) {
}
