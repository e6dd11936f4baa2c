package com.nexustime.review.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.nexustime.review.WeekReviewNotices;

/** "Remind the manager" in weekly-timesheet.bpmn, when the review has waited too long. */
@Component("reviewReminder")
class ReviewReminderDelegate implements JavaDelegate {

	private final WeekReviewNotices notices;

	ReviewReminderDelegate(WeekReviewNotices notices) {
		this.notices = notices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		notices.reviewWaiting(ReviewVariables.week(execution), (String) execution.getVariable("managerId"));
	}
}
