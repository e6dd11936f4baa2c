package com.nexustime.approval;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.nexustime.system.security.CurrentUser;
import com.nexustime.workflow.ProcessTrail;

/** The client-approval API: send a snapshot for approval, follow it, cancel it, fetch the PDF that was mailed. */
@RestController
@RequestMapping("/api/v1/approvals")
class ClientApprovalController {

	private final ApprovalSending sending;

	private final ApprovalDecisions decisions;

	private final ApprovalEvidence evidence;

	private final ApprovalMail mail;

	ClientApprovalController(ApprovalSending sending, ApprovalDecisions decisions, ApprovalEvidence evidence,
			ApprovalMail mail) {
		this.sending = sending;
		this.decisions = decisions;
		this.evidence = evidence;
		this.mail = mail;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('STAFF','MANAGER','ADMIN')")
	ClientApproval create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ApprovalRequest request) {
		return sending.create(user, request);
	}

	@GetMapping
	List<ClientApproval> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long contactId) {
		return evidence.list(user, contactId);
	}

	@GetMapping("/{id}")
	ClientApproval get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return evidence.get(user, id);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		decisions.cancel(user, id);
	}

	/** Mails the client a new link (the earlier ones keep working); the outbox delivers it. */
	@PostMapping("/{id}/resend")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasAnyRole('STAFF','MANAGER','ADMIN')")
	void resend(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		mail.resend(user, id);
	}

	@GetMapping("/{id}/history")
	List<ProcessTrail.Step> history(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return evidence.history(user, id);
	}

	/** The frozen JSON the client was sent, with its hash and whether the stored JSON still hashes to it. */
	@GetMapping("/{id}/snapshot")
	SubmissionSnapshot snapshot(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return evidence.snapshot(user, id);
	}

	@GetMapping("/{id}/pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return ResponseEntity.ok()
			.header("Content-Disposition", "inline; filename=\"timesheet-approval-" + id + ".pdf\"")
			.contentType(MediaType.APPLICATION_PDF)
			.body(evidence.pdf(user, id));
	}
}
