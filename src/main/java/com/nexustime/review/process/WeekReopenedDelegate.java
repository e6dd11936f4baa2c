package com.nexustime.review.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.nexustime.review.WeekReviewService;

/**
 * "Reopen the week" in weekly-timesheet.bpmn, after the owner recalled it: opens this instance's week again, only
 * while it waits for review and only when the owner's recall is recorded for this instance.
 */
@Component("weekReopened")
class WeekReopenedDelegate implements JavaDelegate {

	private final WeekReviewService reviews;

	WeekReopenedDelegate(WeekReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		reviews.reopened(execution.getProcessInstanceId(), ReviewVariables.week(execution, reviews));
	}
}
