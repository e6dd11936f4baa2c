package com.nexustime.budget.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import com.nexustime.budget.PoAlerts;

/**
 * The alert a po-budget-alert step acts on: the one the app started this process instance for. An
 * {@code alertId} variable naming another alert is refused.
 */
final class PoAlertVariables {

	private PoAlertVariables() {
	}

	static long alertId(DelegateExecution execution, PoAlerts alerts) {
		Object named = execution.getVariable("alertId");
		return alerts.alertOfProcess(execution.getProcessInstanceId(), named == null ? null : named.toString());
	}
}
