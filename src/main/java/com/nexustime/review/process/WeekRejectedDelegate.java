package com.nexustime.review.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.nexustime.review.WeekReviewService;

/**
 * "Return the week to its owner" in weekly-timesheet.bpmn, with the reviewer and comment recorded when the review
 * task was completed; without a rejecting decision recorded for this instance it refuses.
 */
@Component("weekRejected")
class WeekRejectedDelegate implements JavaDelegate {

	private final WeekReviewService reviews;

	WeekRejectedDelegate(WeekReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		reviews.rejected(execution.getProcessInstanceId(), ReviewVariables.week(execution, reviews));
	}
}
