package com.nexustime.review.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.nexustime.review.WeekReviewService;

/** "Lock the week" in weekly-timesheet.bpmn. */
@Component("weekApproved")
class WeekApprovedDelegate implements JavaDelegate {

	private final WeekReviewService reviews;

	WeekApprovedDelegate(WeekReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		reviews.approved(ReviewVariables.week(execution), ReviewVariables.reviewer(execution),
				ReviewVariables.comment(execution));
	}
}
