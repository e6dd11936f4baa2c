package com.nexustime.review.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.nexustime.review.WeekReviewService;
import com.nexustime.system.security.CurrentUser;

/**
 * Completion listener of "Review week", the engine's own last word whichever way the task is completed: the
 * person completing it must be allowed to decide this week (never its owner), a rejection needs a comment, and
 * the reviewer recorded is that person, overwriting any {@code reviewedBy} the completion tried to set.
 */
@Component("reviewDecisionCheck")
class ReviewDecisionCheck implements TaskListener {

	private final WeekReviewService reviews;

	ReviewDecisionCheck(WeekReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public void notify(DelegateTask task) {
		Long decider = decider(task);
		if (decider == null) {
			throw new AccessDeniedException("a week's review is completed by a signed-in reviewer");
		}
		reviews.requireMayDecide(decider, ReviewVariables.week(task));
		reviews.checkDecision(task.getVariable("approved"), task.getVariable("comment"));
		task.getExecution().setVariable(ReviewVariables.REVIEWER, String.valueOf(decider));
	}

	/**
	 * Who is completing the task: the engine's authenticated user (the tasklist sets it, and so does an
	 * authenticated engine API call), else the app's signed-in person, else the assignee for engine-internal
	 * callers that act on the assignee's behalf.
	 */
	private static Long decider(DelegateTask task) {
		Authentication engineUser = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		String id = engineUser == null ? null : engineUser.getUserId();
		if (id == null && SecurityContextHolder.getContext().getAuthentication() != null
				&& SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof CurrentUser user) {
			id = String.valueOf(user.id());
		}
		if (id == null) {
			id = task.getAssignee();
		}
		try {
			return id == null ? null : Long.valueOf(id);
		}
		catch (NumberFormatException notAPerson) {
			return null;
		}
	}
}
