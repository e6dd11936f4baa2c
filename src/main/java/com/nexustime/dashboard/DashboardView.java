package com.nexustime.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.nexustime.approval.ClientApprovalService;
import com.nexustime.review.WeekReviewService;
import com.nexustime.tracking.RunningTimer;

/**
 * What the caller's home page shows, by role ({@code GET /api/v1/dashboard}). Sections a role does not have are
 * left out: {@code week} and {@code runningTimer} for people who track time, the review queue, people who have
 * not submitted, client approvals and {@code alerts} for managers and admins. {@code projects} is always there
 * (API.md's contract names it for everyone): empty for staff and auditors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DashboardView(Week week, RunningTimer runningTimer, int openTasks, List<TaskLine> tasks,
		List<ReviewWeek> weeksToReview, List<WeekReviewService.PersonWeek> peopleNotSubmitted,
		List<ClientApprovalService.Outstanding> clientApprovals, List<ProjectLine> projects, List<AlertLine> alerts,
		String sort, String dir) {

	/**
	 * The caller's current week as the weekly grid shows it: hours per day and in total, the review status, the
	 * weekly hours in force to measure it against, {@code submitUrl} (POST, the API) and {@code pageUrl}.
	 */
	public record Week(LocalDate weekStart, BigDecimal hours, String status, List<Day> days, BigDecimal weeklyHours,
			String submitUrl, String pageUrl) {

		/** Whether the week can still be handed in. */
		public boolean submittable() {
			return "OPEN".equals(status) || "REJECTED".equals(status);
		}
	}

	public record Day(LocalDate date, BigDecimal hours) {
	}

	/** A task waiting for the caller, with the page that works on it. */
	public record TaskLine(String id, String name, String processName, Instant created, String url) {
	}

	/** A week whose review task waits for the caller. */
	public record ReviewWeek(String taskId, Long userId, String name, LocalDate weekStart, String url) {
	}

	/** An alert on one of the listed projects whose follow-up is not recorded yet. */
	public record AlertLine(Long id, Long projectId, String projectName, String poNumber, String invoiceGroup,
			BigDecimal percent, Instant raisedAt, String timeUrl) {
	}
}
