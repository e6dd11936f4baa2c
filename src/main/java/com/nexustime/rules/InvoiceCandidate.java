package com.nexustime.rules;

/**
 * An entry's kind as the invoicing rules see it: what it is ({@code ACTIVITY}, {@code FIXED_COST},
 * {@code ADJUSTMENT}), its project and that project's status, its activity (null for money entries without one)
 * with the activity's name and category, and the two flags a person sets on it ({@code billable},
 * {@code notInvoiced}). {@code entryId} only names the candidate in the answer (an entry, or one kind of entries
 * when a sum asks). {@code billingMode} is the project's ({@code HOURLY}, {@code INVOICE_BUDGET}) and
 * {@code onArtwork} says the entry is time on an artwork of a per-piece project: such time is billed by its budget
 * or its artwork's price, not by the hour.
 * <p>
 * Whose, when and how much are left out on purpose: the decision is about the kind of entry, so that a sum over a
 * million entries asks once per kind instead of once per entry, and the same kind always gets the same answer on
 * the Time tab, in reports and on the invoice. The lifecycle status is left out too: the caller hands over only
 * entries whose status lets them be billed at its step.
 */
public record InvoiceCandidate(long entryId, String type, long projectId, String projectStatus, Long activityId,
		String activityName, String activityCategory, boolean billable, boolean notInvoiced, String billingMode,
		boolean onArtwork) {

	/** A candidate of an hourly project, not on an artwork (where the billing mode does not matter to the asker). */
	public InvoiceCandidate(long entryId, String type, long projectId, String projectStatus, Long activityId,
			String activityName, String activityCategory, boolean billable, boolean notInvoiced) {
		this(entryId, type, projectId, projectStatus, activityId, activityName, activityCategory, billable,
				notInvoiced, "HOURLY", false);
	}
}
