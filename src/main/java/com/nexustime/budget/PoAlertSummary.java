package com.nexustime.budget;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.nexustime.catalog.PurchaseOrderUsage;
import com.nexustime.workflow.TaskContext;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * The alert beside the "Secure additional PO funds" form: which order, how far it was used when the alert was
 * raised, and how far it is used now (work may have gone on since).
 */
@Component
class PoAlertSummary implements TaskContext {

	private static final String KEY_PREFIX = "po-alert:";

	private final PoAlerts alerts;

	private final PurchaseOrderUsage usage;

	private static final DateTimeFormatter RAISED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JdbcClient jdbc;

	private final WorkspaceSettings workspace;

	PoAlertSummary(PoAlerts alerts, PurchaseOrderUsage usage, JdbcClient jdbc, WorkspaceSettings workspace) {
		this.alerts = alerts;
		this.usage = usage;
		this.jdbc = jdbc;
		this.workspace = workspace;
	}

	@Override
	public String processDefinitionKey() {
		return PoAlerts.PROCESS;
	}

	@Override
	public String fragment() {
		return "budget/alert :: summary";
	}

	@Override
	public Map<String, Object> model(String businessKey) {
		Map<String, Object> model = new HashMap<>();
		if (businessKey == null || !businessKey.startsWith(KEY_PREFIX)) {
			return model;
		}
		PoAlert alert = alerts.find(Long.parseLong(businessKey.substring(KEY_PREFIX.length())));
		model.put("poAlert", alert);
		model.put("poAlertThreshold", PoAlert.percentText(alert.thresholdPercent()));
		model.put("poAlertRaisedAt", RAISED_AT.format(alert.raisedAt().atZone(workspace.current().zone())));
		model.put("poAlertProject", jdbc.sql("select name from project where id = ?").param(alert.projectId())
			.query(String.class).single());
		model.put("poAlertRaisedBy", alert.raisedBy() == null ? null
				: jdbc.sql("select name from app_user where id = ?").param(alert.raisedBy()).query(String.class)
					.optional().orElse(null));
		usage.of(alert.projectId()).stream().filter(u -> u.purchaseOrderId() == alert.purchaseOrderId())
			.findFirst().ifPresent(now -> {
				model.put("poAlertCostNow", now.cost());
				model.put("poAlertPercentNow", PoAlert.percentText(now.percentUsed()));
			});
		return model;
	}
}
