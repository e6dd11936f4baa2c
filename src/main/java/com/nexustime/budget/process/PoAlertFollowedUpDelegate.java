package com.nexustime.budget.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.nexustime.budget.PoAlerts;

/** "Record the outcome" in po-budget-alert.bpmn: what the manager entered on the follow-up form. */
@Component("poAlertFollowedUp")
class PoAlertFollowedUpDelegate implements JavaDelegate {

	private final PoAlerts alerts;

	PoAlertFollowedUpDelegate(PoAlerts alerts) {
		this.alerts = alerts;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String by = (String) execution.getVariable("reviewedBy");
		alerts.followedUp(PoAlertVariables.alertId(execution, alerts),
				(String) execution.getVariable("outcome"), note(execution), by == null ? null : Long.valueOf(by));
	}

	private static String note(DelegateExecution execution) {
		Object note = execution.getVariable("note");
		Object newPo = execution.getVariable("newPoNumber");
		if (newPo == null || newPo.toString().isBlank()) {
			return note == null ? null : note.toString();
		}
		return "New PO " + newPo.toString().trim() + (note == null ? "" : ". " + note);
	}
}
