package com.nexustime.approval.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

import com.nexustime.approval.ClientApprovalService;

/**
 * Reads the client-approval process variables the delegates need. The approval a step acts on is the one the app
 * started this process instance for; an {@code approvalId} variable naming another is refused.
 */
final class ApprovalVariables {

	private ApprovalVariables() {
	}

	static long approvalId(DelegateExecution execution, ClientApprovalService approvals) {
		Object named = execution.getVariable("approvalId");
		return approvals.approvalOfProcess(execution.getProcessInstanceId(), named == null ? null : named.toString());
	}

	static String reason(VariableScope scope) {
		Object reason = scope.getVariable("reason");
		return reason == null ? null : reason.toString();
	}
}
