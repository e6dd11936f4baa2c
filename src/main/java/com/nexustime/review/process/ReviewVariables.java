package com.nexustime.review.process;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.VariableScope;

import com.nexustime.review.WeekKey;

/** Reads the weekly-timesheet process variables the delegates need. */
final class ReviewVariables {

	/** Set only by {@link ReviewDecisionCheck} when the review completes: the person who decided. */
	static final String REVIEWER = "reviewedBy";

	private ReviewVariables() {
	}

	static WeekKey week(VariableScope scope) {
		return new WeekKey(Long.parseLong((String) scope.getVariable("userId")),
				LocalDate.parse((String) scope.getVariable("weekStart")));
	}

	static Long reviewer(VariableScope scope) {
		Object reviewer = scope.getVariable(REVIEWER);
		return reviewer == null ? null : Long.valueOf(reviewer.toString());
	}

	static String comment(VariableScope scope) {
		Object comment = scope.getVariable("comment");
		return comment == null ? null : comment.toString();
	}
}
