package com.nexustime.approval.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads the client-approval process variables the delegates need. */
final class ApprovalVariables {

	private ApprovalVariables() {
	}

	static long approvalId(VariableScope scope) {
		return Long.parseLong(scope.getVariable("approvalId").toString());
	}

	static String reason(VariableScope scope) {
		Object reason = scope.getVariable("reason");
		return reason == null ? null : reason.toString();
	}
}
