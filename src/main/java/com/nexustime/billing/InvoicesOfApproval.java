package com.nexustime.billing;

import java.util.List;

import org.springframework.stereotype.Component;

import com.nexustime.approval.ApprovalInvoices;
import com.nexustime.system.security.CurrentUser;

/** Billing's answer to the approval page: the invoices made from one approval. */
@Component
class InvoicesOfApproval implements ApprovalInvoices {

	private final InvoiceService invoices;

	InvoicesOfApproval(InvoiceService invoices) {
		this.invoices = invoices;
	}

	@Override
	public List<MadeFrom> madeFrom(CurrentUser user, long approvalId) {
		return invoices.allForApproval(user, approvalId).stream()
			.map(i -> new MadeFrom(i.id(), i.number(), i.status(), i.voidReason()))
			.toList();
	}
}
