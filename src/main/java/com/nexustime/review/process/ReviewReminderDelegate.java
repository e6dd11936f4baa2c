package com.nexustime.review.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.nexustime.review.WeekReviewNotices;
import com.nexustime.review.WeekReviewService;

/** "Remind the manager" in weekly-timesheet.bpmn, when the review has waited too long. */
@Component("reviewReminder")
class ReviewReminderDelegate implements JavaDelegate {

	private final WeekReviewNotices notices;

	private final WeekReviewService reviews;

	ReviewReminderDelegate(WeekReviewNotices notices, WeekReviewService reviews) {
		this.notices = notices;
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		notices.reviewWaiting(ReviewVariables.week(execution, reviews), (String) execution.getVariable("managerId"));
	}
}
