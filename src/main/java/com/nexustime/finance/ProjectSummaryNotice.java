package com.nexustime.finance;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.nexustime.rules.InvoiceCandidate;
import com.nexustime.rules.InvoicingRules;

/**
 * The notice above a project's summary when the invoicing rules ({@code rules/invoicing.drl}) keep even its
 * ordinary time out of billing (as shipped: an obsolete project). The rules are asked about the plainest kind of
 * entry on the project — billable time, not flagged, no particular activity — and their reason is shown as they
 * wrote it; nothing here knows which project states bill.
 */
@Component
public class ProjectSummaryNotice {

	private final InvoicingRules invoicing;

	ProjectSummaryNotice(InvoicingRules invoicing) {
		this.invoicing = invoicing;
	}

	/** Why the rules would not invoice billable time of the summary's project; empty when they would. */
	public Optional<String> billingRefusal(ProjectSummary summary) {
		InvoiceCandidate ordinaryTime = new InvoiceCandidate(0, "ACTIVITY", summary.projectId(),
				summary.projectStatus().name(), null, null, null, true, false);
		return Optional.ofNullable(invoicing.refusals(List.of(ordinaryTime)).get(ordinaryTime.entryId()));
	}
}
