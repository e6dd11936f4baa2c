package com.nexustime.approval;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.audit.AuditLog;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.tracking.EntryLifecycle;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * How a sent approval ends: the client approves or declines through the link (whose views are recorded), the
 * owner cancels, or the link runs out. Exactly one of these happens to an approval: each is a conditional move
 * out of SENT. The covered entries follow in the same transaction (FINALIZED on approval, OPEN otherwise) and a
 * process waiting for the outcome hears of it.
 */
@Service
class ApprovalDecisions {

	private final ClientApprovalStore store;

	private final ApprovalProcess process;

	private final WorkspaceSettings workspace;

	private final AuditLog audit;

	private final EntryLifecycle lifecycle;

	private final ApprovalNotices notices;

	ApprovalDecisions(ClientApprovalStore store, ApprovalProcess process,
			WorkspaceSettings workspace, AuditLog audit, EntryLifecycle lifecycle, ApprovalNotices notices) {
		this.notices = notices;
		this.store = store;
		this.process = process;
		this.workspace = workspace;
		this.audit = audit;
		this.lifecycle = lifecycle;
	}

	// ---------------------------------------------------------------- the client's link

	/** Opens the link and records the view; unknown, tampered or cancelled → 404, expired → 410. */
	@Transactional(noRollbackFor = LinkGoneException.class)
	public PublicApproval view(String token, String ip, String userAgent) {
		long id = live(token);
		store.event(id, "VIEWED", ip, userAgent, null, null);
		return publicView(id);
	}

	/** What a decision through the link did: whether it was the decision, and the page as it stands after it. */
	public record Outcome(boolean decided, PublicApproval approval) {
	}

	/**
	 * Approves with a typed-name signature. The conditional update lets exactly one decision through; a later
	 * approve or decline changes nothing and gets {@code false}. Entries finalize in the same transaction.
	 */
	@Transactional
	public boolean approve(String token, String signature, String ip, String userAgent) {
		return approveAndShow(token, signature, ip, userAgent).decided();
	}

	/** {@link #approve}, answering also the page after it, read in the same transaction. */
	@Transactional
	public Outcome approveAndShow(String token, String signature, String ip, String userAgent) {
		long id = live(token);
		ClientApproval before = store.find(id).orElseThrow();
		if (!store.approve(id, signature.trim(), ip, userAgent)) {
			// someone else decided first, or the owner cancelled or the link expired meanwhile (404 / 410 as before)
			live(token);
			return new Outcome(false, publicView(id));
		}
		store.event(id, "APPROVED", ip, userAgent, signature.trim(), null);
		lifecycle.approvedByClient(store.entryIds(id));
		process.correlate(before.processInstanceId(), ApprovalProcess.DECIDED_MESSAGE,
				Map.of("decision", "APPROVED", "reason", ""));
		ClientApproval after = store.find(id).orElseThrow();
		audit.recordAs("client " + ip, "APPROVE", ClientApprovalService.ENTITY, id, before, after);
		notices.approved(id, signature.trim());
		return new Outcome(true, publicView(after));
	}

	/** Declines with a reason; the entries are editable again. {@code false} when already decided. */
	@Transactional
	public boolean decline(String token, String reason, String ip, String userAgent) {
		return declineAndShow(token, reason, ip, userAgent).decided();
	}

	/** {@link #decline}, answering also the page after it, read in the same transaction. */
	@Transactional
	public Outcome declineAndShow(String token, String reason, String ip, String userAgent) {
		long id = live(token);
		ClientApproval before = store.find(id).orElseThrow();
		if (!store.decline(id, reason.trim(), ip, userAgent)) {
			// someone else decided first, or the owner cancelled or the link expired meanwhile (404 / 410 as before)
			live(token);
			return new Outcome(false, publicView(id));
		}
		store.event(id, "DECLINED", ip, userAgent, null, reason.trim());
		reopenEntries(id);
		process.correlate(before.processInstanceId(), ApprovalProcess.DECIDED_MESSAGE,
				Map.of("decision", "DECLINED", "reason", reason.trim()));
		ClientApproval after = store.find(id).orElseThrow();
		audit.recordAs("client " + ip, "DECLINE", ClientApprovalService.ENTITY, id, before, after);
		return new Outcome(true, publicView(after));
	}

	/** The page after a decision attempt, without counting another view. */
	@Transactional(readOnly = true)
	public PublicApproval shown(String token) {
		return publicView(live(token));
	}

	// ---------------------------------------------------------------- the owner and the process

	/** Withdraws a pending submission: the link dies and the entries are editable again; 409 once decided. */
	@Transactional
	public void cancel(CurrentUser user, long id) {
		ClientApproval before = store.visible(user, id);
		if (!user.id().equals(before.ownerId()) && !user.isAdmin()) {
			throw new NotFoundException("Client approval", id);
		}
		if (!store.closeUndecided(id, "CANCELLED")) {
			String status = store.find(id).map(ClientApproval::status).orElse("unknown");
			throw new ConflictException("the approval is already " + status.toLowerCase() + " and cannot be cancelled");
		}
		reopenEntries(id);
		store.event(id, "CANCELLED", null, null, null, null);
		process.correlate(before.processInstanceId(), ApprovalProcess.CANCELLED_MESSAGE, Map.of());
		audit.record("CANCEL", ClientApprovalService.ENTITY, id, before, store.find(id).orElseThrow());
	}

	/** The link ran out before the client decided: entries editable again, the link answers 410. */
	@Transactional
	public void expire(long approvalId) {
		Optional<ClientApproval> before = store.find(approvalId);
		if (!store.closeUndecided(approvalId, "EXPIRED")) {
			return; // decided or cancelled meanwhile: nothing expires
		}
		reopenEntries(approvalId);
		store.event(approvalId, "EXPIRED", null, null, null, null);
		audit.recordAs("system", "EXPIRE", ClientApprovalService.ENTITY, approvalId, before.orElse(null),
				store.find(approvalId).orElseThrow());
	}

	/**
	 * The approval's status, with its row locked until the caller's transaction ends: the mail job reads it
	 * before the process starts waiting, so a decision made meanwhile either comes first or waits for the job.
	 */
	@Transactional
	public ClientApprovalService.Decision lockStatus(long approvalId) {
		return store.lockStatus(approvalId).orElseThrow(() -> new NotFoundException("Client approval", approvalId));
	}

	/** The approval a link opens; 404 for unknown, tampered or cancelled links, 410 once it has expired. */
	private long live(String token) {
		if (token == null || token.length() > 100) {
			throw new NotFoundException("Approval link", "?");
		}
		// the link and its approval's state in one round trip
		ClientApprovalStore.LinkState state = store.linkStateByTokenHash(ApprovalLinks.hash(token))
			.orElseThrow(() -> new NotFoundException("Approval link", "?"));
		if ("CANCELLED".equals(state.status())) {
			throw new NotFoundException("Approval link", "?");
		}
		if ("EXPIRED".equals(state.status()) || ("SENT".equals(state.status()) && state.past())) {
			throw new LinkGoneException();
		}
		return state.id();
	}

	private PublicApproval publicView(long id) {
		ClientApprovalStore.Decided decided = store.decided(id);
		return new PublicApproval(id, store.document(id, workspace.current()), decided.status(), decided.signature(),
				decided.declineReason(), decided.decidedAt());
	}

	private PublicApproval publicView(ClientApproval approval) {
		return new PublicApproval(approval.id(), store.document(approval.id(), workspace.current()), approval.status(),
				approval.signature(), approval.declineReason(), approval.decidedAt());
	}

	private void reopenEntries(long id) {
		lifecycle.release(store.entryIds(id));
	}
}
