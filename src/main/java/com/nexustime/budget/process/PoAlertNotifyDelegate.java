package com.nexustime.budget.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.nexustime.budget.PoAlerts;

/** "Notify the alert recipients" in po-budget-alert.bpmn. */
@Component("poAlertNotify")
class PoAlertNotifyDelegate implements JavaDelegate {

	private final PoAlerts alerts;

	PoAlertNotifyDelegate(PoAlerts alerts) {
		this.alerts = alerts;
	}

	@Override
	public void execute(DelegateExecution execution) {
		alerts.notifyRecipients(PoAlertVariables.alertId(execution, alerts));
	}
}
