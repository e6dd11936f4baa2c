package com.nexustime.approval.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.nexustime.approval.ClientApprovalService;

/** "Expire the link" in client-approval.bpmn, when the link's time is up without a decision. */
@Component("expireApproval")
class ExpireApprovalDelegate implements JavaDelegate {

	private final ClientApprovalService approvals;

	ExpireApprovalDelegate(ClientApprovalService approvals) {
		this.approvals = approvals;
	}

	@Override
	public void execute(DelegateExecution execution) {
		approvals.expire(ApprovalVariables.approvalId(execution, approvals));
	}
}
