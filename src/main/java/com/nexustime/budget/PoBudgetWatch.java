package com.nexustime.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.nexustime.catalog.PurchaseOrderUsage;
import com.nexustime.rules.PoAlertRules;
import com.nexustime.rules.PoCrossing;
import com.nexustime.rules.PoReading;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * Watches every save that changes a project's cost for purchase orders crossing the alert threshold.
 *
 * <p>A save reports the projects it touched with {@link #changed}; the check runs at the end of the save,
 * inside its transaction: it takes the project's advisory lock, reads each purchase order's usage (one query,
 * {@link PurchaseOrderUsage}), takes the usage the last check left ({@code po_alert_state}) as
 * "before", asks the rules ({@code po-alerts.drl} alone decides what is over the threshold) and records the new
 * usage. The lock is held until the save commits, so the next save of the project
 * sees this one's cost and state: two concurrent saves that cross together raise one alert, and a save that
 * stays above the line raises none. A project without a purchase order costs one indexed look-up.
 *
 * <p>Saves made of many entry changes (the weekly grid, bulk import) {@link #holdUntilEnd() hold} the check and
 * {@link #settleHeld settle} once at their end, so that one save raises at most one alert per purchase order
 * and takes its project locks in one order (by project id), never deadlocking with another such save.
 */
@Component
public class PoBudgetWatch {

	/** First key of the per-project advisory lock that serialises the checks of one project. */
	private static final int PROJECT_LOCK_SPACE = 0x504f41; // "POA"

	/** The projects this transaction changed (with the last entry saved on each) and whether a batch holds them. */
	private static final class Pending {

		final Map<Long, Long> lastEntryByProject = new TreeMap<>();

		int holds;
	}

	/** Where a purchase order stood after the last check: the "before" of the next one. */
	private record State(long purchaseOrderId, BigDecimal lastPercent) {
	}

	private final JdbcClient jdbc;

	private final PurchaseOrderUsage usage;

	private final PoAlertRules rules;

	private final WorkspaceSettings workspace;

	private final PoAlerts alerts;

	PoBudgetWatch(JdbcClient jdbc, PurchaseOrderUsage usage, PoAlertRules rules, WorkspaceSettings workspace,
			PoAlerts alerts) {
		this.jdbc = jdbc;
		this.usage = usage;
		this.rules = rules;
		this.workspace = workspace;
		this.alerts = alerts;
	}

	/**
	 * A save changed the cost of {@code projectIds} (an entry moved between projects names both; nulls are
	 * skipped). Checks them now and answers the alerts raised, or answers none while a batch holds the check.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<PoAlert> changed(CurrentUser actor, Long entryId, Long... projectIds) {
		Pending pending = pending();
		for (Long projectId : projectIds) {
			if (projectId != null) {
				pending.lastEntryByProject.put(projectId, entryId);
			}
		}
		return pending.holds > 0 ? List.of() : settle(actor, pending);
	}

	/** A save of many entries begins: the checks wait for {@link #settleHeld}. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void holdUntilEnd() {
		pending().holds++;
	}

	/** The save of many entries ends: checks every project it changed, once, and answers the alerts raised. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<PoAlert> settleHeld(CurrentUser actor) {
		Pending pending = pending();
		pending.holds = Math.max(0, pending.holds - 1);
		return pending.holds > 0 ? List.of() : settle(actor, pending);
	}

	private List<PoAlert> settle(CurrentUser actor, Pending pending) {
		Map<Long, Long> projects = new TreeMap<>(pending.lastEntryByProject);
		pending.lastEntryByProject.clear();
		List<PoAlert> raised = new ArrayList<>();
		projects.forEach((projectId, entryId) -> raised.addAll(check(actor, projectId, entryId)));
		return raised;
	}

	private List<PoAlert> check(CurrentUser actor, long projectId, Long entryId) {
		// locks only when the project has a purchase order: no PO, nothing more to do
		boolean hasOrders = !jdbc.sql("""
				select pg_advisory_xact_lock(?, ?)
				  from (select 1 from purchase_order where project_id = ? limit 1) po""")
			.params(PROJECT_LOCK_SPACE, (int) projectId, projectId).query((rs, row) -> row).list().isEmpty();
		if (!hasOrders) {
			return List.of();
		}
		List<PurchaseOrderUsage.Usage> usages = usage.of(projectId);
		Map<Long, State> states = new HashMap<>();
		jdbc.sql("""
				select purchase_order_id, last_percent from po_alert_state
				 where purchase_order_id in (select id from purchase_order where project_id = ?)""")
			.param(projectId).query(State.class).list().forEach(s -> states.put(s.purchaseOrderId(), s));
		BigDecimal threshold = workspace.current().poAlertThresholdPercent();

		List<PoReading> readings = new ArrayList<>();
		Map<Long, PurchaseOrderUsage.Usage> byId = new HashMap<>();
		for (PurchaseOrderUsage.Usage u : usages) {
			byId.put(u.purchaseOrderId(), u);
			// a purchase order no check has seen yet was never alerted on: it counts as unused until now
			BigDecimal before = states.containsKey(u.purchaseOrderId()) ? states.get(u.purchaseOrderId()).lastPercent()
					: BigDecimal.ZERO.setScale(2);
			readings.add(new PoReading(u.purchaseOrderId(), u.number(), u.invoiceGroup(), u.amount(), before,
					u.percentUsed(), threshold));
		}
		List<PoCrossing> crossings = rules.crossings(readings);
		// only the usage is remembered; whether it is over the line is the rules' question, asked above
		for (PoReading reading : readings) {
			State was = states.get(reading.purchaseOrderId());
			if (was == null || was.lastPercent().compareTo(reading.percentAfter()) != 0) {
				jdbc.sql("""
						insert into po_alert_state (purchase_order_id, last_percent) values (?, ?)
						on conflict (purchase_order_id) do update
						   set last_percent = excluded.last_percent, updated_at = now()""")
					.params(reading.purchaseOrderId(), reading.percentAfter()).update();
			}
		}
		List<PoAlert> raised = new ArrayList<>();
		for (PoCrossing crossing : crossings) {
			PoReading reading = readings.stream().filter(r -> r.purchaseOrderId() == crossing.purchaseOrderId())
				.findFirst().orElseThrow();
			raised.add(alerts.raise(actor, byId.get(crossing.purchaseOrderId()), reading.percentBefore(), threshold,
					entryId));
		}
		return raised;
	}

	private Pending pending() {
		Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			Pending fresh = new Pending();
			TransactionSynchronizationManager.bindResource(this, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(PoBudgetWatch.this);
				}
			});
			pending = fresh;
		}
		return pending;
	}
}
