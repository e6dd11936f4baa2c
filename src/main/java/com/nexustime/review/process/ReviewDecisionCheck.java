package com.nexustime.review.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.nexustime.review.WeekReviewService;

/** Completion listener of "Review week": refuses a rejection without a comment. */
@Component("reviewDecisionCheck")
class ReviewDecisionCheck implements TaskListener {

	private final WeekReviewService reviews;

	ReviewDecisionCheck(WeekReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void notify(DelegateTask task) {
		reviews.checkDecision(task.getVariable("approved"), task.getVariable("comment"));
	}
}
