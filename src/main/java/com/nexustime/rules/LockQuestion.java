package com.nexustime.rules;

import java.util.Objects;
import java.util.Set;

/**
 * May {@code actor} create, edit or delete an entry of type {@code entryType} ({@code ACTIVITY},
 * {@code FIXED_COST}, {@code ADJUSTMENT}) in status {@code entryStatus} ({@code OPEN}, {@code IN_PROCESS},
 * {@code FINALIZED}, {@code BILLED}) in a week whose state is {@code weekState} ({@code OPEN},
 * {@code SUBMITTED}, {@code APPROVED}, {@code REJECTED}: sent back to its owner; what each means is the rules'
 * to say, so the stored state reaches them as it is)?
 * For a new entry, the entry status is {@code OPEN}.
 *
 * <p>{@code pendingApproval} names the client approval that holds the entry and still waits for the client, and
 * {@code signedApproval} the one the client signed for it (e.g. "the client approval sent to Dana Client on
 * 2026-11-30 (request 12)"); each is null when there is none. The rules quote them in their refusals.
 */
public record LockQuestion(Actor actor, String entryType, String entryStatus, String weekState,
		String pendingApproval, String signedApproval) {

	private static final Set<String> ENTRY_TYPES = Set.of("ACTIVITY", "FIXED_COST", "ADJUSTMENT");

	private static final Set<String> ENTRY_STATUSES = Set.of("OPEN", "IN_PROCESS", "FINALIZED", "BILLED");

	private static final Set<String> WEEK_STATES = Set.of("OPEN", "SUBMITTED", "APPROVED", "REJECTED");

	public LockQuestion {
		Objects.requireNonNull(actor, "actor");
		requireOneOf("entryType", entryType, ENTRY_TYPES);
		requireOneOf("entryStatus", entryStatus, ENTRY_STATUSES);
		requireOneOf("weekState", weekState, WEEK_STATES);
	}

	/** A question about an entry no client approval holds (a new entry, or one never sent or no longer sent). */
	public LockQuestion(Actor actor, String entryType, String entryStatus, String weekState) {
		this(actor, entryType, entryStatus, weekState, null, null);
	}

	// an unknown state would fall through every rule; refuse it here rather than guess a lock
	private static void requireOneOf(String name, String value, Set<String> known) {
		if (value == null || !known.contains(value)) {
			throw new IllegalArgumentException(name + " must be one of " + known + ", not " + value);
		}
	}
}
