package com.nexustime.review.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.nexustime.review.WeekReviewService;

/** "Reopen the week" in weekly-timesheet.bpmn, after the owner recalled it. */
@Component("weekReopened")
class WeekReopenedDelegate implements JavaDelegate {

	private final WeekReviewService reviews;

	WeekReopenedDelegate(WeekReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		reviews.reopened(ReviewVariables.week(execution));
	}
}
