package com.nexustime.approval.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.nexustime.approval.ApprovalMail;
import com.nexustime.approval.ClientApprovalService;

/**
 * "Send to the client" in client-approval.bpmn (asynchronous, retried): mails a new link (made here, never a
 * process variable) and the PDF, records the delivery, and sets the reminder delay when the starter did not.
 */
@Component("sendApprovalMail")
class SendApprovalMailDelegate implements JavaDelegate {

	private final ApprovalMail mail;

	private final ClientApprovalService approvals;

	private final String reminderAfter;

	SendApprovalMailDelegate(ApprovalMail mail, ClientApprovalService approvals,
			@Value("${nexus.approval.reminder-after:P7D}") String reminderAfter) {
		this.mail = mail;
		this.approvals = approvals;
		this.reminderAfter = reminderAfter;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long approvalId = ApprovalVariables.approvalId(execution, approvals);
		// locked until this job commits, so a decision cannot slip in between this read and the wait
		ClientApprovalService.Decision state = approvals.lockStatus(approvalId);
		String status = state.status();
		execution.setVariable("approvalStatus", status);
		if ("APPROVED".equals(status) || "DECLINED".equals(status)) {
			execution.setVariable("decision", status);
			execution.setVariable("reason", state.declineReason());
		}
		if (!"SENT".equals(status)) {
			return; // decided, cancelled or expired before the mail went out: no mail with a spent link
		}
		mail.sendToClient(approvalId);
		approvals.recordDelivered(approvalId);
		if (execution.getVariable("reminderAfter") == null) {
			execution.setVariable("reminderAfter", reminderAfter);
		}
	}
}
