package com.nexustime.review.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.nexustime.review.WeekKey;
import com.nexustime.review.WeekReviewService;
import com.nexustime.system.security.CurrentUser;

/**
 * Completion listener of "Review week", the engine's own last word whichever way the task is completed: the
 * person completing it must be allowed to decide this week (never its owner), a rejection needs a comment, and
 * the decision (that person, approved or not, the comment) is recorded in the app for this process instance.
 * "Lock the week" and "Return the week to its owner" act on that record only, never on process variables.
 */
@Component("reviewDecisionCheck")
class ReviewDecisionCheck implements TaskListener {

	private final WeekReviewService reviews;

	ReviewDecisionCheck(WeekReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void notify(DelegateTask task) {
		// a diagram may hang this listener on another event (create, assignment) of a task nobody completes
		if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
			throw new AccessDeniedException("a week's review is recorded only when a person completes the review task");
		}
		Long decider = decider(task);
		if (decider == null) {
			throw new AccessDeniedException("a week's review is completed by a signed-in reviewer");
		}
		WeekKey week = ReviewVariables.week(task, reviews);
		reviews.requireMayDecide(decider, week);
		Object approved = task.getVariable("approved");
		Object comment = task.getVariable("comment");
		reviews.checkDecision(approved, comment);
		reviews.recordDecision(task.getProcessInstanceId(), week, task.getId(), decider, (Boolean) approved,
				comment == null ? null : comment.toString());
		task.getExecution().setVariable(ReviewVariables.REVIEWER, String.valueOf(decider));
	}

	/**
	 * Who is completing the task: the app's signed-in person (any web request, the engine API included), else the
	 * engine's authenticated user. Never the assignee: a diagram chooses it, so a job completing the task would
	 * decide in the assignee's name.
	 */
	private static Long decider(DelegateTask task) {
		var signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn != null && signedIn.getPrincipal() instanceof CurrentUser user) {
			return user.id();
		}
		Authentication engineUser = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		String id = engineUser == null ? null : engineUser.getUserId();
		try {
			return id == null ? null : Long.valueOf(id);
		}
		catch (NumberFormatException notAPerson) {
			return null;
		}
	}
}
