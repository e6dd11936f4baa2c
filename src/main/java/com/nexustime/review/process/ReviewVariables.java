package com.nexustime.review.process;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

import com.nexustime.review.WeekKey;
import com.nexustime.review.WeekReviewService;

/**
 * The one place the weekly-timesheet steps learn which week they act on: the week the app started this process
 * instance for, checked against the app's own record. Variables never choose the week; when they name one, it
 * must be that week.
 */
final class ReviewVariables {

	/** Set by {@link ReviewDecisionCheck} when the review completes, for people reading the process. */
	static final String REVIEWER = "reviewedBy";

	private ReviewVariables() {
	}

	static WeekKey week(DelegateExecution execution, WeekReviewService reviews) {
		return reviews.weekOfProcess(execution.getProcessInstanceId(), named(execution));
	}

	static WeekKey week(DelegateTask task, WeekReviewService reviews) {
		return reviews.weekOfProcess(task.getProcessInstanceId(), named(task));
	}

	/** The week the variables name, or null when they name none or cannot be read as one. */
	private static WeekKey named(VariableScope scope) {
		Object userId = scope.getVariable("userId");
		Object weekStart = scope.getVariable("weekStart");
		if (userId == null && weekStart == null) {
			return null;
		}
		try {
			return new WeekKey(Long.parseLong(String.valueOf(userId)), LocalDate.parse(String.valueOf(weekStart)));
		}
		catch (RuntimeException unreadable) {
			return new WeekKey(-1, LocalDate.EPOCH); // names no week the app knows: refused as a mismatch
		}
	}
}
