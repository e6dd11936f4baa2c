package com.nexustime.approval;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import com.nexustime.system.security.CurrentUser;

/**
 * The invoices made from an approval, for its page. Billing keeps invoices and depends on approval for what was
 * signed; it implements this so that approval never depends on billing back.
 */
public interface ApprovalInvoices {

	/** An invoice as the approval page lists it. */
	record MadeFrom(long id, String number, String status, String voidReason) {
	}

	/** Every invoice made from the approval, voided ones included, oldest first; empty for those who may not read invoices. */
	List<MadeFrom> madeFrom(CurrentUser user, long approvalId);

	/** The approval's invoice unless voided; empty for those who may not read invoices. */
	Optional<MadeFrom> live(CurrentUser user, long approvalId);

	/** Whether {@code user} may make an invoice (the approval page's "Convert to invoice"). */
	boolean mayBill(CurrentUser user);

	/** A line the invoice would have; hours and rate are null on money-only lines. */
	record PreviewLine(String description, BigDecimal hours, BigDecimal rate, BigDecimal amount) {
	}

	/** The invoice converting would make now (nothing stored); {@code refusal} says why it could not be made. */
	record Preview(List<PreviewLine> lines, BigDecimal total, String currency, int entryCount, String refusal) {
	}

	/** What "Convert to invoice" would make now, for someone who may bill; empty for others. */
	default Optional<Preview> preview(CurrentUser user, long approvalId) {
		return Optional.empty();
	}
}
