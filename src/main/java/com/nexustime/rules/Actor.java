package com.nexustime.rules;

/**
 * Who wants to change an entry, as the week-locking rules see it: the entry's {@code OWNER}, the owner's
 * {@code MANAGER}, or an {@code ADMIN}. A person who is an admin counts as ADMIN even on their own entries
 * or their reports' entries. Who is which is worked out in one place, {@code tracking.EntryActors}, for every
 * surface that asks the week-locking rules.
 */
public enum Actor {
	OWNER, MANAGER, ADMIN
}
