package com.nexustime.approval.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.nexustime.approval.ApprovalMail;
import com.nexustime.approval.ClientApprovalService;

/** "Send a reminder" in client-approval.bpmn, when the client has not decided in time. */
@Component("sendApprovalReminder")
class SendApprovalReminderDelegate implements JavaDelegate {

	private final ApprovalMail mail;

	private final ClientApprovalService approvals;

	SendApprovalReminderDelegate(ApprovalMail mail, ClientApprovalService approvals) {
		this.mail = mail;
		this.approvals = approvals;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long approvalId = ApprovalVariables.approvalId(execution, approvals);
		mail.remindClient(approvalId);
		approvals.recordReminder(approvalId);
	}
}
