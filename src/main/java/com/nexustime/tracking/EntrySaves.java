package com.nexustime.tracking;

import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.nexustime.audit.AuditLog;
import com.nexustime.budget.PoBudgetWatch;
import com.nexustime.rules.Actor;
import com.nexustime.rules.LockDecision;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.workspace.Workspace;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * Creates, changes and deletes one entry, inside the caller's transaction: takes the owner's lock, reads the
 * save's facts, asks the rules (availability, week locking, rate), writes the entry, audits the change and
 * checks the project's purchase orders. Each step's reads share a round trip where their order allows
 * (see {@link TimeEntryStore}).
 */
@Component
class EntrySaves {

	static final String ENTITY = "TimeEntry";

	private final TimeEntries entries;

	private final TimeEntryStore store;

	private final EntryDrafts drafts;

	private final EntryLocking locking;

	private final VisibleEntries visible;

	private final EntryActors actors;

	private final WorkspaceSettings workspace;

	private final AuditLog audit;

	private final PoBudgetWatch budget;

	private final EntrySaveCount count;

	EntrySaves(TimeEntries entries, TimeEntryStore store, EntryDrafts drafts, EntryLocking locking,
			VisibleEntries visible, EntryActors actors, WorkspaceSettings workspace, AuditLog audit,
			PoBudgetWatch budget, EntrySaveCount count) {
		this.entries = entries;
		this.store = store;
		this.drafts = drafts;
		this.locking = locking;
		this.visible = visible;
		this.actors = actors;
		this.workspace = workspace;
		this.audit = audit;
		this.budget = budget;
		this.count = count;
	}

	TimeEntry create(CurrentUser actor, EntryRequest request) {
		long owner = request.userId() != null ? request.userId() : actor.id();
		Actor relation = relation(actor, owner);
		Workspace settings = workspace.cached();
		EntryDraft draft = new EntryDraft(request.type(), owner, request.projectId(), request.activityId(),
				request.date(), request.minutes(), request.hours(), request.start(), request.end(),
				request.description(), request.billable(),
				Boolean.TRUE.equals(request.notInvoiced()), request.artworkId(), request.amount(), request.vendorId(),
				request.employeeId(), request.notes(), request.purchaseOrderId());
		// the owner's lock, the facts, the week's status and the rate candidates: one round trip
		SaveFacts facts = drafts.facts(draft, null, settings, true);
		TimeEntry entry = drafts.validate(draft, null, settings, facts);
		LockDecision decision = locking.ask(relation, entry.type(), EntryStatus.OPEN, null, facts.weekStateOn(
				entry.date(), () -> locking.weekState(entry.userId(), settings.weekContaining(entry.date()))));
		TimeEntry saved = entries.insert(entry);
		audit.record(action("CREATE", decision), ENTITY, saved.id(), null, saved);
		count.created();
		// a project without purchase orders (as read at the start of this save) has nothing to check
		return saved.withAlerts(TimeEntryService.alerts(
				budget.changed(actor, saved.id(), facts.hasOrders() ? saved.projectId() : null)));
	}

	TimeEntry update(CurrentUser actor, long id, EntryChanges changes) {
		TimeEntry seen = visible.get(actor, id);
		Actor relation = relation(actor, seen.userId());
		Workspace settings = workspace.cached();
		// the owner's lock, the row lock and the status of the week the entry was seen in: one round trip
		TimeEntryStore.LockedEntry locked = store.lockEntry(seen.userId(), id, settings.weekContaining(seen.date()))
			.orElseThrow(() -> new NotFoundException("Time entry", id));
		TimeEntry current = locked.entry();
		if (changes.version() != null && changes.version() != current.version()) {
			throw new OptimisticLockingFailureException("stale version");
		}
		LockDecision before = locking.ask(relation, current.type(), current.status(), current.id(),
				weekStateOf(locked, current, settings));
		boolean timesGiven = changes.start() != null || changes.end() != null;
		boolean durationGiven = changes.minutes() != null || changes.hours() != null;
		boolean movesProject = changes.projectId() != null && !changes.projectId().equals(current.projectId());
		EntryDraft draft = new EntryDraft(current.type(), current.userId(),
				or(changes.projectId(), current.projectId()), or(changes.activityId(), current.activityId()),
				or(changes.date(), timesGiven ? null : current.date()),
				durationGiven ? changes.minutes() : (timesGiven ? null : current.minutes()), changes.hours(),
				timesGiven ? or(changes.start(), current.start()) : (durationGiven ? null : current.start()),
				timesGiven ? or(changes.end(), current.end()) : (durationGiven ? null : current.end()),
				or(changes.description(), current.description()), or(changes.billable(), current.billable()),
				or(changes.notInvoiced(), current.notInvoiced()), or(changes.artworkId(), current.artworkId()),
				or(changes.amount(), current.amount()), or(changes.vendorId(), current.vendorId()),
				or(changes.employeeId(), current.employeeId()), or(changes.notes(), current.notes()),
				// the purchase order belongs to the project: moved without a new one, it counts against the default
				or(changes.purchaseOrderId(), movesProject ? null : current.purchaseOrderId()));
		SaveFacts facts = drafts.facts(draft, current, settings, false);
		TimeEntry changed = drafts.validate(draft, current, settings, facts);
		LockDecision after = changed.date().equals(current.date()) ? before
				: locking.ask(relation, changed.type(), current.status(), current.id(), facts.weekStateOn(
						changed.date(), () -> locking.weekState(changed.userId(), settings.weekContaining(changed.date()))));
		TimeEntry saved = entries.update(new TimeEntry(current.id(), changed.type(), changed.userId(),
				changed.projectId(), changed.activityId(), changed.date(), changed.start(), changed.end(),
				changed.minutes(), changed.rate(), changed.rateSource(), changed.amount(), changed.billable(),
				changed.notInvoiced(), changed.description(), changed.notes(), changed.vendorId(), changed.employeeId(),
				changed.artworkId(), changed.purchaseOrderId(), current.status(), current.invoiceId(),
				current.createdAt(), null, current.version(), List.of()))
			.orElseThrow(() -> new OptimisticLockingFailureException("stale version"));
		audit.record(action("UPDATE", before.audited() ? before : after), ENTITY, id, current, saved);
		count.updated();
		// an entry moved to another project changes the cost of both
		return saved.withAlerts(TimeEntryService.alerts(budget.changed(actor, id, current.projectId(), saved.projectId())));
	}

	void delete(CurrentUser actor, long id) {
		TimeEntry seen = visible.get(actor, id);
		Actor relation = relation(actor, seen.userId());
		Workspace settings = workspace.cached();
		TimeEntryStore.LockedEntry locked = store.lockEntry(seen.userId(), id, settings.weekContaining(seen.date()))
			.orElseThrow(() -> new NotFoundException("Time entry", id));
		TimeEntry current = locked.entry();
		LockDecision decision = locking.ask(relation, current.type(), current.status(), current.id(),
				weekStateOf(locked, current, settings));
		entries.delete(id, current.version());
		audit.record(action("DELETE", decision), ENTITY, id, current, null);
		count.deleted();
		budget.changed(actor, id, current.projectId());
	}

	/** See {@link TimeEntryService#relation}. */
	Actor relation(CurrentUser actor, long ownerId) {
		return actors.of(actor, ownerId)
			.orElseThrow(() -> new AccessDeniedException("you may only change your own entries or your reports'"));
	}

	/** The locked entry's week state: read with the lock unless someone moved the entry to another week first. */
	private String weekStateOf(TimeEntryStore.LockedEntry locked, TimeEntry current, Workspace settings) {
		java.time.LocalDate week = settings.weekContaining(current.date());
		return week.equals(locked.weekStart()) ? EntryLocking.stateOf(locked.weekStatus())
				: locking.weekState(current.userId(), week);
	}

	private static String action(String action, LockDecision decision) {
		return decision.audited() ? action + "_OVERRIDE" : action;
	}

	private static <T> T or(T value, T fallback) {
		return value != null ? value : fallback;
	}
}
