package com.nexustime.billing;

import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;
import com.nexustime.system.web.NotFoundException;

/**
 * The invoices as people read them, and who may do what: admins and managers bill; auditors read; nobody else
 * sees invoices.
 */
@Service
class InvoiceRegister {

	private final InvoiceStore store;

	InvoiceRegister(InvoiceStore store) {
		this.store = store;
	}

	@Transactional(readOnly = true)
	public Invoice get(CurrentUser user, long id) {
		if (!reads(user)) {
			throw new NotFoundException("Invoice", id);
		}
		return store.load(id);
	}

	/** Newest first, without lines and entries. */
	@Transactional(readOnly = true)
	public List<Invoice> list(CurrentUser user, Long contactId) {
		if (!reads(user)) {
			throw new AccessDeniedException("only admins, managers and auditors see invoices");
		}
		return store.list(contactId);
	}

	/** The approval's invoice unless voided, for the approval's page; empty for people who do not see invoices. */
	@Transactional(readOnly = true)
	public Optional<Invoice> liveForApproval(CurrentUser user, long approvalId) {
		if (!reads(user)) {
			return Optional.empty();
		}
		return store.liveInvoiceId(approvalId).map(store::load);
	}

	/** Every invoice made from the approval, voided ones included, oldest first; empty for those who may not read invoices. */
	@Transactional(readOnly = true)
	public List<Invoice> allForApproval(CurrentUser user, long approvalId) {
		if (!reads(user)) {
			return List.of();
		}
		return store.idsForApproval(approvalId).stream().map(store::load).toList();
	}

	@Transactional(readOnly = true)
	public boolean isInvoiced(long approvalId) {
		return store.liveInvoiceId(approvalId).isPresent();
	}

	static boolean mayBill(CurrentUser user) {
		return user != null && (user.has(Role.ADMIN) || user.has(Role.MANAGER));
	}

	static void requireBiller(CurrentUser user) {
		if (!mayBill(user)) {
			throw new AccessDeniedException("only admins and managers make and change invoices");
		}
	}

	private static boolean reads(CurrentUser user) {
		return user != null && (user.has(Role.ADMIN) || user.has(Role.MANAGER) || user.has(Role.AUDITOR));
	}
}
