package com.nexustime.approval;

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
}
