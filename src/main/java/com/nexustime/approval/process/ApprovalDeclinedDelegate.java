package com.nexustime.approval.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.nexustime.approval.ApprovalNotices;

/** "Tell the owner" in client-approval.bpmn, after the client declined with a reason. */
@Component("approvalDeclined")
class ApprovalDeclinedDelegate implements JavaDelegate {

	private final ApprovalNotices notices;

	ApprovalDeclinedDelegate(ApprovalNotices notices) {
		this.notices = notices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		notices.declined(ApprovalVariables.approvalId(execution), ApprovalVariables.reason(execution));
	}
}
