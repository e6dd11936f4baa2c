package com.nexustime.billing;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.nexustime.approval.ApprovalInvoices;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.RuleViolationException;

/** Billing's answer to the approval page: the invoices made from one approval, and who may make one. */
@Component
class InvoicesOfApproval implements ApprovalInvoices {

	private final InvoiceRegister invoices;

	private final InvoicePreview previews;

	InvoicesOfApproval(InvoiceRegister invoices, InvoicePreview previews) {
		this.invoices = invoices;
		this.previews = previews;
	}

	@Override
	public Optional<Preview> preview(CurrentUser user, long approvalId) {
		if (!InvoiceRegister.mayBill(user)) {
			return Optional.empty();
		}
		InvoiceRequest request = new InvoiceRequest();
		request.setApprovalId(approvalId);
		try {
			InvoicePreview.Preview would = previews.preview(user, request);
			return Optional.of(new Preview(would.lines().stream()
				.map(l -> new PreviewLine(l.description(), l.hours(), l.rate(), l.amount())).toList(), would.total(),
					would.currency(), would.entryCount(), null));
		}
		catch (ConflictException | RuleViolationException refused) {
			return Optional.of(new Preview(List.of(), null, null, 0, refused.getMessage()));
		}
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
