package com.nexustime.review.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.nexustime.review.WeekReviewService;

/**
 * "Lock the week" in weekly-timesheet.bpmn: approves this instance's week with the reviewer and comment recorded
 * when the review task was completed; without an approving decision recorded for this instance it refuses.
 */
@Component("weekApproved")
class WeekApprovedDelegate implements JavaDelegate {

	private final WeekReviewService reviews;

	WeekApprovedDelegate(WeekReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		reviews.approved(execution.getProcessInstanceId(), ReviewVariables.week(execution, reviews));
	}
}
