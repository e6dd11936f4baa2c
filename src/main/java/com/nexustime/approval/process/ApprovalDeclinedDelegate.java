package com.nexustime.approval.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.nexustime.approval.ApprovalNotices;
import com.nexustime.approval.ClientApprovalService;
import com.nexustime.system.web.ConflictException;

/** "Tell the owner" in client-approval.bpmn, after the client declined with a reason. */
@Component("approvalDeclined")
class ApprovalDeclinedDelegate implements JavaDelegate {

	private final ApprovalNotices notices;

	private final ClientApprovalService approvals;

	ApprovalDeclinedDelegate(ApprovalNotices notices, ClientApprovalService approvals) {
		this.notices = notices;
		this.approvals = approvals;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long approvalId = ApprovalVariables.approvalId(execution, approvals);
		ClientApprovalService.Decision state = approvals.lockStatus(approvalId);
		if (!"DECLINED".equals(state.status())) {
			throw new ConflictException("the approval process may not do this: approval " + approvalId + " is "
					+ state.status() + ", not declined");
		}
		notices.declined(approvalId, state.declineReason()); // the client's words as stored, not a variable

	}
}
