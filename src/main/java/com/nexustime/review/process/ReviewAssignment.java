package com.nexustime.review.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.nexustime.review.WeekReviewService;

/**
 * Create listener of "Review week": hands the task to the owner's manager, or offers it to the other managers
 * and admins. Who reviews comes from the app's people, not from a diagram attribute or a process variable, so
 * the owner is never among them even when they are a manager or an admin.
 */
@Component("reviewAssignment")
class ReviewAssignment implements TaskListener {

	private static final Logger log = LoggerFactory.getLogger(ReviewAssignment.class);

	private final WeekReviewService reviews;

	ReviewAssignment(WeekReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void notify(DelegateTask task) {
		var week = ReviewVariables.week(task, reviews);
		WeekReviewService.Reviewers reviewers = reviews.reviewersOf(week);
		if (reviewers.manager() != null) {
			task.setAssignee(String.valueOf(reviewers.manager()));
			return;
		}
		if (reviewers.candidates().isEmpty()) {
			log.warn("Nobody but its owner could review {}: add a manager or an admin", week);
		}
		reviewers.candidates().forEach(id -> task.addCandidateUser(String.valueOf(id)));
	}
}
