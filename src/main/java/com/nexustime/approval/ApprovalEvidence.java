package com.nexustime.approval;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.workflow.ProcessTrail;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * What an approval leaves behind, for those who may read it: the submission with its events and whether its
 * entries changed since, the process's steps, the frozen snapshot checked against its hash, and the PDF and
 * document as sent. Reading follows sending: staff read what they sent; managers also what covers an entry of
 * someone who reports to them; admins and auditors everything. Others get 404, as if it did not exist.
 */
@Service
class ApprovalEvidence {

	private final ClientApprovalStore store;

	private final ProcessTrail processTrail;

	private final WorkspaceSettings workspace;

	ApprovalEvidence(ClientApprovalStore store, ProcessTrail processTrail, WorkspaceSettings workspace) {
		this.store = store;
		this.processTrail = processTrail;
		this.workspace = workspace;
	}

	/** One submission with its evidence; 404 for people who may not see it. */
	@Transactional(readOnly = true)
	public ClientApproval get(CurrentUser user, long id) {
		ClientApproval approval = store.visible(user, id);
		return approval.withEvidence(store.changedSinceSent(id), store.events(id));
	}

	/** The steps its process took, oldest first, from the engine's history. */
	@Transactional(readOnly = true)
	public List<ProcessTrail.Step> history(CurrentUser user, long id) {
		return processTrail.steps(store.visible(user, id).processInstanceId());
	}

	/** Where its process stands, with the diagram and any incident; {@code null} without a process. */
	@Transactional(readOnly = true)
	public ProcessTrail.Trail trail(CurrentUser user, long id) {
		return processTrail.trail(store.visible(user, id).processInstanceId());
	}

	/** The approvals {@code user} may read, newest first. */
	@Transactional(readOnly = true)
	public List<ClientApproval> list(CurrentUser user, Long contactId) {
		return store.list(user, contactId);
	}

	/** The snapshot as stored, for someone who may see the submission, checked against its send-time hash. */
	@Transactional(readOnly = true)
	public SubmissionSnapshot snapshot(CurrentUser user, long id) {
		ClientApproval approval = store.visible(user, id);
		return CanonicalSnapshot.check(id, store.snapshot(id), approval.snapshotHash());
	}

	/** The PDF as it was sent, for someone who may see the submission. */
	@Transactional(readOnly = true)
	public byte[] pdf(CurrentUser user, long id) {
		store.visible(user, id);
		return pdf(id);
	}

	/** The stored PDF bytes, exactly as hashed at send time. */
	@Transactional(readOnly = true)
	public byte[] pdf(long approvalId) {
		return store.pdf(approvalId).orElseThrow(() -> new NotFoundException("Client approval", approvalId));
	}

	/**
	 * What the PDF and the mail show, from the stored lines (never live entries) and the workspace's branding. The
	 * addressee is the recipient frozen at send time, never the contact's current address.
	 */
	@Transactional(readOnly = true)
	public ApprovalDocument document(long approvalId) {
		return store.document(approvalId, workspace.current());
	}

	/**
	 * The approvals {@code user} may read that wait for the client, and those the client declined in the last
	 * {@code declinedDays} days; waiting ones first, then newest first. At most {@code limit}.
	 */
	@Transactional(readOnly = true)
	public List<ClientApprovalService.Outstanding> outstanding(CurrentUser user, int declinedDays, int limit) {
		return store.outstanding(user, declinedDays, limit);
	}
}
