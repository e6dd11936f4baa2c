package com.nexustime.budget;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.catalog.PurchaseOrderUsage;
import com.nexustime.notify.Mailer;
import com.nexustime.notify.Notifications;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * Raised purchase-order alerts: stored in the save's transaction and followed up by the {@value #PROCESS}
 * process, whose steps call back here to notify people (in-app and through the mail outbox) and to record what
 * the project manager did about it.
 */
@Service
public class PoAlerts {

	public static final String PROCESS = "po-budget-alert";

	static final String NOTIFICATION_KIND = "PO_ALERT";

	private record AlertContext(String projectName, Long managerId, String raisedByName) {
	}

	private final JdbcClient jdbc;

	private final RuntimeService runtime;

	private static final Logger log = LoggerFactory.getLogger(PoAlerts.class);

	/** The alert whose process this thread is starting: its first steps run before the instance id is stored. */
	private static final ThreadLocal<Long> STARTING = new ThreadLocal<>();

	private final IdentityService identity;

	private final Notifications notifications;

	private final Mailer mailer;

	private final WorkspaceSettings workspace;

	PoAlerts(JdbcClient jdbc, RuntimeService runtime, IdentityService identity, Notifications notifications,
			Mailer mailer, WorkspaceSettings workspace) {
		this.jdbc = jdbc;
		this.runtime = runtime;
		this.identity = identity;
		this.notifications = notifications;
		this.mailer = mailer;
		this.workspace = workspace;
	}

	/** Stores the crossing and starts its follow-up process, all in the caller's (the save's) transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	PoAlert raise(CurrentUser actor, PurchaseOrderUsage.Usage usage, BigDecimal percentBefore, BigDecimal threshold,
			Long entryId) {
		long id = jdbc.sql("""
				insert into po_alert (purchase_order_id, project_id, po_number, invoice_group, threshold_percent,
				                      percent_before, percent, cost, amount, raised_by, time_entry_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(usage.purchaseOrderId(), usage.projectId(), usage.number(), usage.invoiceGroup(), threshold,
					percentBefore, usage.percentUsed(), usage.cost(), usage.amount(), actor.id(), entryId)
			.query(Long.class).single();
		AlertContext context = context(id);
		Map<String, Object> variables = new HashMap<>();
		variables.put("alertId", String.valueOf(id));
		variables.put("projectId", String.valueOf(usage.projectId()));
		variables.put("projectName", context.projectName());
		variables.put("poNumber", usage.number());
		variables.put("invoiceGroup", usage.invoiceGroup());
		variables.put("percent", usage.percentUsed().toPlainString());
		variables.put("managerId", context.managerId() == null ? null : String.valueOf(context.managerId()));
		startFollowUp(id, variables, actor.id());
		return find(id);
	}

	/**
	 * Starts the alert's follow-up process as {@code actorId} and stores its instance id on the alert; the steps
	 * that run inside the start are bound to this alert (see {@link #alertOfProcess}).
	 */
	@Transactional
	String startFollowUp(long id, Map<String, Object> variables, long actorId) {
		String processInstanceId;
		try {
			identity.setAuthenticatedUserId(String.valueOf(actorId));
			STARTING.set(id);
			processInstanceId = runtime.startProcessInstanceByKey(PROCESS, "po-alert:" + id, variables).getId();
		}
		finally {
			STARTING.remove();
			identity.clearAuthentication();
		}
		jdbc.sql("update po_alert set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
		return processInstanceId;
	}

	/**
	 * Tells the saver and the project's manager in the app and queues a mail to each of the workspace's alert
	 * recipients; the outbox sends it after the save has committed.
	 */
	@Transactional
	public void notifyRecipients(long alertId) {
		PoAlert alert = find(alertId);
		AlertContext context = context(alertId);
		String headline = "PO " + alert.poNumber() + " (" + alert.invoiceGroup() + ") on " + context.projectName()
				+ " has reached " + alert.percentText() + " of its amount";
		Set<Long> people = new LinkedHashSet<>();
		if (alert.raisedBy() != null) {
			people.add(alert.raisedBy());
		}
		if (context.managerId() != null) {
			people.add(context.managerId());
		}
		String link = "/projects/" + alert.projectId();
		people.forEach(user -> notifications.notify(user, NOTIFICATION_KIND, headline + ".", link));
		String body = headline + ".\n\n"
				+ "Purchase order: " + alert.poNumber() + "\n"
				+ "Invoice group: " + alert.invoiceGroup() + "\n"
				+ "Used: " + alert.cost() + " of " + alert.amount() + " (" + alert.percentText()
				+ "; the alert threshold is " + PoAlert.percentText(alert.thresholdPercent()) + ")\n"
				+ "Saved by: " + (context.raisedByName() == null ? "unknown" : context.raisedByName()) + "\n\n"
				+ "The project manager has a task to secure additional purchase-order funds before work continues.\n";
		for (String recipient : workspace.current().alertRecipients()) {
			mailer.queue(recipient, "Budget alert: " + headline, body);
		}
	}

	/** What the project manager recorded on the follow-up task. */
	@Transactional
	public void followedUp(long alertId, String outcome, String note, Long userId) {
		int changed = jdbc.sql("""
				update po_alert set outcome = ?, outcome_note = ?, followed_up_by = ?, followed_up_at = now()
				 where id = ?""")
			.params(outcome, note, userId, alertId).update();
		if (changed == 0) {
			throw new NotFoundException("PO alert", alertId);
		}
	}

	/**
	 * The alert whose follow-up process is {@code processInstanceId}, as the app started it (or is starting it
	 * on this thread). Refuses, and logs, an instance no alert names and variables ({@code named}, may be null)
	 * naming another alert: a process step acts on its own instance's alert only.
	 */
	@Transactional(readOnly = true)
	public long alertOfProcess(String processInstanceId, String named) {
		Long bound = jdbc.sql("select id from po_alert where process_instance_id = ?").param(processInstanceId)
			.query(Long.class).optional().orElse(null);
		Long starting = STARTING.get();
		if (bound == null && starting != null && jdbc.sql(
				"select count(*) from po_alert where id = ? and process_instance_id is null").param(starting)
			.query(Long.class).single() > 0) {
			bound = starting;
		}
		String refusal = bound == null ? "no PO alert is followed up by this process instance"
				: named != null && !named.equals(String.valueOf(bound))
						? "the process variables name alert " + named + ", but this instance follows up alert " + bound
						: null;
		if (refusal != null) {
			log.warn("Refused a PO alert step of process instance {}: {}", processInstanceId, refusal);
			throw new ConflictException("the PO alert process may not do this: " + refusal);
		}
		return bound;
	}

	@Transactional(readOnly = true)
	public PoAlert find(long id) {
		return jdbc.sql("select " + PoAlert.COLUMNS + " from po_alert where id = ?").param(id).query(PoAlert.class)
			.optional().orElseThrow(() -> new NotFoundException("PO alert", id));
	}

	/** The project's alerts, newest first; 404 for an unknown project. */
	@Transactional(readOnly = true)
	public List<PoAlert> ofProject(long projectId) {
		if (jdbc.sql("select count(*) from project where id = ?").param(projectId).query(Long.class).single() == 0) {
			throw new NotFoundException("Project", projectId);
		}
		return jdbc.sql("select " + PoAlert.COLUMNS
				+ " from po_alert where project_id = ? order by raised_at desc, id desc")
			.param(projectId).query(PoAlert.class).list();
	}

	private AlertContext context(long alertId) {
		return jdbc.sql("""
				select p.name as project_name, p.manager_id, u.name as raised_by_name
				  from po_alert a join project p on p.id = a.project_id left join app_user u on u.id = a.raised_by
				 where a.id = ?""")
			.param(alertId).query(AlertContext.class).single();
	}

	/** The alerts of these projects whose follow-up has recorded no outcome yet, newest first. */
	@Transactional(readOnly = true)
	public List<PoAlert> unresolved(Collection<Long> projectIds) {
		if (projectIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + PoAlert.COLUMNS + " from po_alert " + """
				 where project_id = any(:projects) and outcome is null
				 order by raised_at desc, id desc""")
			.param("projects", projectIds.toArray(Long[]::new)).query(PoAlert.class).list();
	}

	/** The percentage of a purchase order's amount at which its use raises an alert (the workspace's setting). */
	public BigDecimal thresholdPercent() {
		return workspace.cached().poAlertThresholdPercent();
	}
}
