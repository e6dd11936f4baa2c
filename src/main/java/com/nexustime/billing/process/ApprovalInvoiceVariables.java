package com.nexustime.billing.process;

import org.camunda.bpm.engine.delegate.VariableScope;

import com.nexustime.approval.ClientApprovalService;

/**
 * Reads the client-approval process variables the billing steps need. The approval billed is the one the app
 * started this process instance for; an {@code approvalId} variable naming another is refused.
 */
final class ApprovalInvoiceVariables {

	private ApprovalInvoiceVariables() {
	}

	static long approvalId(VariableScope scope, String processInstanceId, ClientApprovalService approvals) {
		Object named = scope.getVariable("approvalId");
		return approvals.approvalOfProcess(processInstanceId, named == null ? null : named.toString());
	}

	/** The person who completed the task: the tasklist records them as {@code reviewedBy}. */
	static Long completedBy(VariableScope scope, String assignee) {
		Object reviewer = scope.getVariable("reviewedBy");
		String id = reviewer != null ? reviewer.toString() : assignee;
		try {
			return id == null ? null : Long.valueOf(id);
		}
		catch (NumberFormatException notOurs) {
			return null; // completed in Camunda's own tasklist by an engine user that is not a Nexus Time id
		}
	}
}
