package com.nexustime.review.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.nexustime.review.WeekReviewService;

/** "Remind people whose last week is open" in week-reminders.bpmn. */
@Component("openWeekReminder")
class OpenWeekReminderDelegate implements JavaDelegate {

	private final WeekReviewService reviews;

	OpenWeekReminderDelegate(WeekReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable("reminded", reviews.remindOpenWeeks(java.time.Instant.now()));
	}
}
