package com.nexustime.billing;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.nexustime.approval.ApprovalInvoices;
import com.nexustime.system.security.CurrentUser;

/** Billing's answer to the approval page: the invoices made from one approval, and who may make one. */
@Component
class InvoicesOfApproval implements ApprovalInvoices {

	private final InvoiceRegister invoices;

	InvoicesOfApproval(InvoiceRegister invoices) {
		this.invoices = invoices;
	}

	@Override
	public List<MadeFrom> madeFrom(CurrentUser user, long approvalId) {
		return invoices.allForApproval(user, approvalId).stream().map(InvoicesOfApproval::madeFrom).toList();
	}

	@Override
	public Optional<MadeFrom> live(CurrentUser user, long approvalId) {
		return invoices.liveForApproval(user, approvalId).map(InvoicesOfApproval::madeFrom);
	}

	@Override
	public boolean mayBill(CurrentUser user) {
		return InvoiceRegister.mayBill(user);
	}

	private static MadeFrom madeFrom(Invoice invoice) {
		return new MadeFrom(invoice.id(), invoice.number(), invoice.status(), invoice.voidReason());
	}
}
