package com.nexustime.review;

import java.util.List;

import com.nexustime.workflow.FormField;

/**
 * How the review page asks for the decision: two buttons that post {@code field} as {@code true} or
 * {@code false} instead of the form's checkbox, and the comment a rejection needs. The API keeps the form's
 * fields as they are ({@code approved}, {@code comment}).
 */
public record ReviewDecision(String field, String approveLabel, String rejectLabel, String commentField) {

	static final ReviewDecision WEEK = new ReviewDecision("approved", "Approve", "Reject", "comment");

	/** The form's other components, which the page shows as the form has them. */
	public List<FormField> without(List<FormField> components) {
		return components.stream().filter(c -> !field.equals(c.key())).toList();
	}
}
