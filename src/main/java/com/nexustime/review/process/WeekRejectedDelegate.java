package com.nexustime.review.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.nexustime.review.WeekReviewService;

/** "Return the week to its owner" in weekly-timesheet.bpmn. */
@Component("weekRejected")
class WeekRejectedDelegate implements JavaDelegate {

	private final WeekReviewService reviews;

	WeekRejectedDelegate(WeekReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		reviews.rejected(ReviewVariables.week(execution), ReviewVariables.reviewer(execution),
				ReviewVariables.comment(execution));
	}
}
