package com.nexustime.approval;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.audit.AuditLog;
import com.nexustime.rules.InvoicingRules;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.system.web.RuleViolationException;
import com.nexustime.tracking.EntryLifecycle;
import com.nexustime.workspace.Workspace;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * Sending hours to the client: the preview, the send itself (frozen snapshot, lines, covered entries, PDF, the
 * process that mails the link) and the owner's resend. A sender sends only time they answer for: staff their own,
 * managers also their reports', admins anyone's. Whether an entry may be invoiced, and so be sent, is the
 * invoicing rules' question.
 */
@Service
class ApprovalSending {

	private final ClientApprovalStore store;

	private final SendableEntries sendable;

	private final ApprovalProcess process;

	private final WorkspaceSettings workspace;

	private final ApprovalPdf pdfRenderer;

	private final AuditLog audit;

	private final InvoicingRules invoicing;

	private final EntryLifecycle lifecycle;

	ApprovalSending(ClientApprovalStore store, SendableEntries sendable, ApprovalProcess process,
			WorkspaceSettings workspace, ApprovalPdf pdfRenderer, AuditLog audit, InvoicingRules invoicing,
			EntryLifecycle lifecycle) {
		this.store = store;
		this.sendable = sendable;
		this.process = process;
		this.workspace = workspace;
		this.pdfRenderer = pdfRenderer;
		this.audit = audit;
		this.invoicing = invoicing;
		this.lifecycle = lifecycle;
	}

	/** The lines {@code sender} would send now, without locking or creating anything. */
	@Transactional(readOnly = true)
	public List<ApprovalDocument.Line> preview(CurrentUser sender, ApprovalRequest request) {
		checkRange(request);
		return ApprovalLines.of(matching(sender, request, false), request.getGrouping());
	}

	/**
	 * Sends the sender's matching entries for approval. The answer carries no link: the process mails it to the
	 * contact, and only there does it exist.
	 */
	@Transactional
	public ClientApproval create(CurrentUser owner, ApprovalRequest request) {
		checkRange(request);
		ClientApproval.Recipient contact = sendable.lockClient(request.getContactId())
			.orElseThrow(() -> new RuleViolationException("contactId", "no client with id " + request.getContactId()));
		ClientApproval.Recipient recipient = new ClientApproval.Recipient(contact.name(), contact.email().trim());
		refuseStaffMailbox(recipient.email());
		// FOR UPDATE: a concurrent submission waits here and then no longer sees the entries this one takes
		List<CoveredEntry> entries = matching(owner, request, true);
		if (entries.isEmpty()) {
			throw new RuleViolationException("from", "no open entries that may be invoiced of "
					+ contact.name() + " between " + request.getFrom() + " and " + request.getTo()
					+ " that you may send (" + scopeName(owner) + ")");
		}
		List<ApprovalDocument.Line> lines = ApprovalLines.of(entries, request.getGrouping());
		Workspace settings = workspace.current();
		String snapshot = CanonicalSnapshot.of(request, lines, entries);
		String snapshotHash = CanonicalSnapshot.sha256(snapshot.getBytes(StandardCharsets.UTF_8));
		Instant expiresAt = Instant.now().plus(settings.approvalLinkDays(), ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		long id = store.insert(request, owner.id(), expiresAt, snapshot, snapshotHash, lines, recipient);
		store.insertLines(id, lines);
		store.insertEntries(id, entries);
		// status only: the version stays, so "changed since sent" compares what the owner edits, not this move
		lifecycle.markInProcess(entries.stream().map(CoveredEntry::id).toList());
		byte[] pdf = pdfRenderer.render(store.document(id, settings));
		store.storePdf(id, pdf, CanonicalSnapshot.sha256(pdf));
		store.mailEvent(id, "SENT");
		process.start(id, owner.id(), expiresAt);
		ClientApproval created = store.find(id).orElseThrow();
		audit.record("CREATE", ClientApprovalService.ENTITY, id, null, created);
		return created;
	}

	/**
	 * The approval its owner or an admin may mail again: 404 for others, 409 once decided, cancelled or expired.
	 * Records the resend in the evidence; the caller mails the new link in the same transaction.
	 */
	@Transactional
	public ApprovalDocument resendable(CurrentUser user, long id) {
		ClientApproval approval = store.visible(user, id);
		if (!user.id().equals(approval.ownerId()) && !user.isAdmin()) {
			throw new NotFoundException("Client approval", id);
		}
		ClientApprovalService.Decision state = store.lockStatus(id)
			.orElseThrow(() -> new NotFoundException("Client approval", id));
		boolean expired = approval.expiresAt() != null && approval.expiresAt().isBefore(Instant.now());
		if (!"SENT".equals(state.status()) || expired) {
			String status = expired && "SENT".equals(state.status()) ? "expired" : state.status().toLowerCase();
			throw new ConflictException("the approval is already " + status + ": there is no link to send again");
		}
		store.mailEvent(id, "RESENT");
		audit.record("RESEND", ClientApprovalService.ENTITY, id, null, null);
		return store.document(id, workspace.current());
	}

	@Transactional
	public void recordDelivered(long approvalId) {
		store.mailEvent(approvalId, "DELIVERED");
	}

	@Transactional
	public void recordReminder(long approvalId) {
		store.mailEvent(approvalId, "REMINDED");
	}

	/**
	 * The entries {@code sender} may send: their own; a manager's also those of the people they manage; an
	 * admin's anyone's. Anyone else (an auditor) sends nothing.
	 */
	private List<CoveredEntry> matching(CurrentUser sender, ApprovalRequest request, boolean lock) {
		if (!sender.isAdmin() && !sender.has(Role.MANAGER) && !sender.has(Role.STAFF)) {
			throw new AccessDeniedException("only staff, managers and admins send hours for approval");
		}
		if (!lock) {
			return matching(sender, request);
		}
		// tracking locks the entries; asked again once locked, the answer is what still matches
		Set<Long> held = new HashSet<>();
		lifecycle.lock(matching(sender, request).stream().map(CoveredEntry::id).toList())
			.forEach(e -> held.add(e.id()));
		return matching(sender, request).stream().filter(e -> held.contains(e.id())).toList();
	}

	/**
	 * Only the lifecycle (open, on no invoice) and the sender's reach are filtered in SQL; whether an entry may be
	 * sent to the client to sign by the hour (invoiceable, and not a retainer's or an artwork's time, which bill by
	 * budget or piece) is the invoicing rules' question, asked once for all of them.
	 */
	private List<CoveredEntry> matching(CurrentUser sender, ApprovalRequest request) {
		return invoicing
			.keepSignableByTheHour(sendable.openEntries(sender, request), SendableEntries.Candidate::asInvoiced)
			.stream().map(SendableEntries.Candidate::entry).toList();
	}

	/**
	 * A client approval goes to the client: an address that belongs to a Nexus Time account (anyone's, whatever the
	 * role) would let a colleague read the link and sign in the client's name.
	 */
	private void refuseStaffMailbox(String email) {
		if (sendable.isStaffMailbox(email)) {
			throw new RuleViolationException("contactId", "the client's address belongs to a Nexus Time account; a "
					+ "client approval must go to the client (change the contact's email to the client's own)");
		}
	}

	private static String scopeName(CurrentUser sender) {
		return sender.isAdmin() ? "anyone's" : sender.has(Role.MANAGER) ? "yours and your reports'" : "your own";
	}

	private static void checkRange(ApprovalRequest request) {
		if (request.getTo().isBefore(request.getFrom())) {
			throw new RuleViolationException("to", "the last day is before the first day");
		}
	}
}
