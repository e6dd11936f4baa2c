package com.nexustime.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

import com.nexustime.system.security.CurrentUser;
import com.nexustime.workflow.ProcessTrail;

/**
 * Client e-approval as the other modules, the process's delegates and the tests reach it: freezes the matching
 * entries into a hashed snapshot and PDF, opens the approval to the links mailed to the client
 * ({@link ApprovalLinks}; the sender never gets one), records every view and the one decision, and moves the
 * covered entries along (IN_PROCESS while pending, FINALIZED on approval, back to OPEN otherwise). The
 * client-approval process decides when to mail, remind and expire. Each step lives in its own class —
 * {@link ApprovalSending}, {@link ApprovalDecisions}, {@link ApprovalEvidence}, {@link ApprovalProcess} — which
 * holds its transaction; this class only hands over.
 */
@Service
public class ClientApprovalService {

	static final String ENTITY = "ClientApproval";

	private final ApprovalSending sending;

	private final ApprovalDecisions decisions;

	private final ApprovalEvidence evidence;

	private final ApprovalProcess process;

	ClientApprovalService(ApprovalSending sending, ApprovalDecisions decisions, ApprovalEvidence evidence,
			ApprovalProcess process) {
		this.sending = sending;
		this.decisions = decisions;
		this.evidence = evidence;
		this.process = process;
	}

	/** Where an approval stands, and the client's reason when they declined. */
	public record Decision(String status, String declineReason) {
	}

	/** A client approval that needs someone's attention: still waiting for the client, or declined. */
	public record Outstanding(long id, String status, String contactName, String ownerName, LocalDate from,
			LocalDate to, BigDecimal totalAmount, Instant createdAt, Instant decidedAt, String declineReason) {
	}

	// ---------------------------------------------------------------- sending

	/** See {@link ApprovalSending#preview}. */
	public List<ApprovalDocument.Line> preview(CurrentUser sender, ApprovalRequest request) {
		return sending.preview(sender, request);
	}

	/** See {@link ApprovalSending#create}. */
	public ClientApproval create(CurrentUser owner, ApprovalRequest request) {
		return sending.create(owner, request);
	}

	/** See {@link ApprovalSending#resendable}. */
	public ApprovalDocument resendable(CurrentUser user, long id) {
		return sending.resendable(user, id);
	}

	public void recordDelivered(long approvalId) {
		sending.recordDelivered(approvalId);
	}

	public void recordReminder(long approvalId) {
		sending.recordReminder(approvalId);
	}

	// ---------------------------------------------------------------- decisions

	/** See {@link ApprovalDecisions#view}. */
	public PublicApproval view(String token, String ip, String userAgent) {
		return decisions.view(token, ip, userAgent);
	}

	/** See {@link ApprovalDecisions#approve}. */
	public boolean approve(String token, String signature, String ip, String userAgent) {
		return decisions.approve(token, signature, ip, userAgent);
	}

	/** See {@link ApprovalDecisions#decline}. */
	public boolean decline(String token, String reason, String ip, String userAgent) {
		return decisions.decline(token, reason, ip, userAgent);
	}

	public PublicApproval shown(String token) {
		return decisions.shown(token);
	}

	/** See {@link ApprovalDecisions#cancel}. */
	public void cancel(CurrentUser user, long id) {
		decisions.cancel(user, id);
	}

	/** See {@link ApprovalDecisions#expire}. */
	public void expire(long approvalId) {
		decisions.expire(approvalId);
	}

	/** See {@link ApprovalDecisions#lockStatus}. */
	public Decision lockStatus(long approvalId) {
		return decisions.lockStatus(approvalId);
	}

	// ---------------------------------------------------------------- evidence

	/** See {@link ApprovalEvidence#get}. */
	public ClientApproval get(CurrentUser user, long id) {
		return evidence.get(user, id);
	}

	public List<ProcessTrail.Step> history(CurrentUser user, long id) {
		return evidence.history(user, id);
	}

	public ProcessTrail.Trail trail(CurrentUser user, long id) {
		return evidence.trail(user, id);
	}

	public List<ClientApproval> list(CurrentUser user, Long contactId) {
		return evidence.list(user, contactId);
	}

	public SubmissionSnapshot snapshot(CurrentUser user, long id) {
		return evidence.snapshot(user, id);
	}

	public byte[] pdf(CurrentUser user, long id) {
		return evidence.pdf(user, id);
	}

	public byte[] pdf(long approvalId) {
		return evidence.pdf(approvalId);
	}

	public ApprovalDocument document(long approvalId) {
		return evidence.document(approvalId);
	}

	/** See {@link ApprovalEvidence#outstanding}. */
	public List<Outstanding> outstanding(CurrentUser user, int declinedDays, int limit) {
		return evidence.outstanding(user, declinedDays, limit);
	}

	// ---------------------------------------------------------------- the process

	/** See {@link ApprovalProcess#approvalOf}. */
	public long approvalOfProcess(String processInstanceId, String named) {
		return process.approvalOf(processInstanceId, named);
	}
}
