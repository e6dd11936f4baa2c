package com.nexustime.tracking;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.nexustime.rules.Actor;
import com.nexustime.rules.LockDecision;
import com.nexustime.rules.LockQuestion;
import com.nexustime.rules.WeekLockRules;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.web.ConflictException;
import com.nexustime.workspace.Workspace;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * The week-locking questions about entries: what the rules ({@code rules/week-locking.drl}) are told about an
 * entry, its week and the person asking, asked to refuse a change (409) or, without throwing, to offer only
 * what the rules allow.
 */
@Component
class EntryLocking {

	private final WeekLockRules lockRules;

	private final WorkspaceSettings workspace;

	private final EntryHolds approvals;

	private final ReviewedWeeks weeks;

	private final EntryActors actors;

	EntryLocking(WeekLockRules lockRules, WorkspaceSettings workspace, EntryHolds approvals, ReviewedWeeks weeks,
			EntryActors actors) {
		this.lockRules = lockRules;
		this.workspace = workspace;
		this.approvals = approvals;
		this.weeks = weeks;
		this.actors = actors;
	}

	/**
	 * The state of a user-week as the week-locking rules see it: the stored state as it is (a week never
	 * submitted is OPEN); what a state means for an entry is the rules' decision alone.
	 */
	String weekState(long userId, LocalDate weekStart) {
		return stateOf(weeks.status(userId, weekStart).orElse(null));
	}

	/** The week-locking state of a stored week status (null: never submitted). */
	static String stateOf(String storedStatus) {
		return storedStatus == null ? "OPEN" : storedStatus;
	}

	/** See {@link TimeEntryService#changeable}. */
	Set<Long> changeable(CurrentUser actor, Collection<TimeEntry> shown) {
		Workspace settings = workspace.cached();
		Map<Long, Optional<Actor>> relations = new HashMap<>();
		Map<List<Object>, String> weekStates = new HashMap<>();
		Map<LockQuestion, Boolean> decided = new HashMap<>();
		Set<Long> changeable = new HashSet<>();
		for (TimeEntry entry : shown) {
			Optional<Actor> relation = relations.computeIfAbsent(entry.userId(), owner -> actors.of(actor, owner));
			if (relation.isEmpty()) {
				continue;
			}
			LocalDate week = settings.weekContaining(entry.date());
			String state = weekStates.computeIfAbsent(List.of(entry.userId(), week), k -> weekState(entry.userId(), week));
			LockQuestion question = lockQuestion(relation.get(), entry.type(), entry.status(), entry.id(), state);
			if (decided.computeIfAbsent(question, q -> lockRules.decide(q).allowed())) {
				changeable.add(entry.id());
			}
		}
		return changeable;
	}

	/** See {@link TimeEntryService#mayCreate}. */
	boolean mayCreate(CurrentUser actor, EntryType type, long ownerId, LocalDate date) {
		return actors.of(actor, ownerId)
			.map(relation -> lockRules.decide(lockQuestion(relation, type, EntryStatus.OPEN, null,
					weekState(ownerId, workspace.cached().weekContaining(date)))).allowed())
			.orElse(false);
	}

	/** Asks the week-locking rules about an entry in the week of {@code date} and turns a refusal into a 409. */
	LockDecision ask(Actor actor, EntryType type, EntryStatus status, Long entryId, long ownerId, LocalDate date,
			Workspace settings) {
		return ask(actor, type, status, entryId, weekState(ownerId, settings.weekContaining(date)));
	}

	/** Asks the week-locking rules about an entry in a week of {@code weekState} and turns a refusal into a 409. */
	LockDecision ask(Actor actor, EntryType type, EntryStatus status, Long entryId, String weekState) {
		LockDecision decision = lockRules.decide(lockQuestion(actor, type, status, entryId, weekState));
		if (!decision.allowed()) {
			throw new ConflictException(decision.reason());
		}
		return decision;
	}

	/** See {@link TimeEntryService#lockQuestion}. */
	LockQuestion lockQuestion(Actor actor, EntryType type, EntryStatus status, Long entryId, String weekState) {
		String pending = null;
		String signed = null;
		// only sent entries (IN_PROCESS) and signed ones (FINALIZED) can be held by a request: skip the lookup otherwise
		if (entryId != null && status.mayBeHeldByApproval()) {
			Optional<EntryHolds.Hold> holder = approvals.holding(entryId);
			pending = holder.filter(h -> !h.signed()).map(EntryHolds.Hold::description).orElse(null);
			signed = holder.filter(EntryHolds.Hold::signed).map(EntryHolds.Hold::description)
				.orElse(null);
		}
		return new LockQuestion(actor, type.name(), status.name(), weekState, pending, signed);
	}
}
