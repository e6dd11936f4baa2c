package com.nexustime.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.nexustime.system.security.CurrentUser;

/**
 * Invoices from time, as the process's delegates and the tests reach them. Each step lives in its own class —
 * {@link InvoiceMaking} (from an approval or a date range), {@link InvoiceDelivery} (send, PDF),
 * {@link InvoicePayments} (pay, void) and {@link InvoiceRegister} (reading, who may bill) — which holds its
 * transaction; this class only hands over. Admins and managers bill; auditors read; nobody else sees invoices.
 */
@Service
public class InvoiceService {

	static final String ENTITY = "Invoice";

	private final InvoiceMaking making;

	private final InvoiceDelivery delivery;

	private final InvoicePayments payments;

	private final InvoiceRegister register;

	InvoiceService(InvoiceMaking making, InvoiceDelivery delivery, InvoicePayments payments, InvoiceRegister register) {
		this.making = making;
		this.delivery = delivery;
		this.payments = payments;
		this.register = register;
	}

	// ---------------------------------------------------------------- making invoices

	public Invoice fromTime(CurrentUser user, InvoiceRequest request) {
		return making.fromTime(user, request);
	}

	/** See {@link InvoiceMaking#fromApproval}. */
	public Invoice fromApproval(CurrentUser user, long approvalId) {
		return making.fromApproval(user, approvalId);
	}

	/** See {@link InvoiceMaking#forApprovalInProcess}. */
	public Invoice forApprovalInProcess(long approvalId, Long actorId) {
		return making.forApprovalInProcess(approvalId, actorId);
	}

	/** See {@link InvoiceMaking#fromRange}. */
	public Invoice fromRange(CurrentUser user, long contactId, LocalDate from, LocalDate to) {
		return making.fromRange(user, contactId, from, to);
	}

	/** The workspace setting the client-approval process asks after the client approved. */
	public boolean billsAutomatically() {
		return making.billsAutomatically();
	}

	// ---------------------------------------------------------------- reading

	public Invoice get(CurrentUser user, long id) {
		return register.get(user, id);
	}

	public List<Invoice> list(CurrentUser user, Long contactId) {
		return register.list(user, contactId);
	}

	public byte[] pdf(CurrentUser user, long id) {
		return delivery.pdf(user, id);
	}

	public Optional<Invoice> liveForApproval(CurrentUser user, long approvalId) {
		return register.liveForApproval(user, approvalId);
	}

	public List<Invoice> allForApproval(CurrentUser user, long approvalId) {
		return register.allForApproval(user, approvalId);
	}

	public boolean mayBill(CurrentUser user) {
		return InvoiceRegister.mayBill(user);
	}

	public boolean isInvoiced(long approvalId) {
		return register.isInvoiced(approvalId);
	}

	// ---------------------------------------------------------------- the invoice's life

	public Invoice send(CurrentUser user, long id) {
		return delivery.send(user, id);
	}

	public Invoice pay(CurrentUser user, long id) {
		return payments.pay(user, id);
	}

	public Invoice voidInvoice(CurrentUser user, long id, String reason) {
		return payments.voidInvoice(user, id, reason);
	}
}
