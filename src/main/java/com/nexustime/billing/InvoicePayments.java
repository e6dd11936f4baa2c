package com.nexustime.billing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import com.nexustime.approval.InvoicedApprovals;
import com.nexustime.audit.AuditLog;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.web.ConflictException;
import com.nexustime.tracking.EntryLifecycle;

/**
 * How a sent invoice ends: paid (SENT → PAID) or voided (DRAFT or SENT → VOID). Each is a conditional move, so
 * the second of two concurrent ones changes nothing and hears why.
 */
@Service
class InvoicePayments {

	private final InvoiceStore store;

	private final InvoiceRegister register;

	private final AuditLog audit;

	private final InvoicedApprovals invoicedApprovals;

	private final EntryLifecycle lifecycle;

	InvoicePayments(InvoiceStore store, InvoiceRegister register, AuditLog audit, InvoicedApprovals invoicedApprovals,
			EntryLifecycle lifecycle) {
		this.store = store;
		this.register = register;
		this.audit = audit;
		this.invoicedApprovals = invoicedApprovals;
		this.lifecycle = lifecycle;
	}

	/** SENT → PAID. */
	@Transactional
	public Invoice pay(CurrentUser user, long id) {
		InvoiceRegister.requireBiller(user);
		Invoice before = register.get(user, id);
		if (!store.markPaid(id)) {
			throw new ConflictException("invoice " + store.number(id) + " is " + store.status(id)
					+ "; only a sent invoice can be marked paid");
		}
		Invoice after = store.load(id);
		audit.record("PAY", InvoiceService.ENTITY, id, before, after);
		return after;
	}

	/**
	 * DRAFT or SENT → VOID. The number stays used; the entries go back to FINALIZED, free for a new invoice, and the
	 * approval it was made from may be invoiced again. Which entries it covered stays recorded.
	 */
	@Transactional
	public Invoice voidInvoice(CurrentUser user, long id, String reason) {
		InvoiceRegister.requireBiller(user);
		Invoice before = register.get(user, id);
		String why = StringUtils.hasText(reason) ? reason.trim() : null;
		if (!store.markVoid(id, why)) {
			throw new ConflictException("invoice " + before.number() + " is " + store.status(id)
					+ "; only a draft or sent invoice can be voided");
		}
		lifecycle.unbill(id);
		invoicedApprovals.invoiceVoided(id);
		Invoice after = store.load(id);
		audit.record("VOID", InvoiceService.ENTITY, id, before, after);
		return after;
	}
}
