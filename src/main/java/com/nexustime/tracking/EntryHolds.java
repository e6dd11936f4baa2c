package com.nexustime.tracking;

import java.util.Optional;

/**
 * Which client approval holds an entry, for the week-locking question. The approval module keeps approvals and
 * moves entries through {@link EntryLifecycle}; it implements this so that tracking never depends on it back.
 */
public interface EntryHolds {

	/**
	 * A request holding an entry: {@code signed} is false while it waits for the client and true once the client
	 * approved it; {@code description} names it for the person refused.
	 */
	record Hold(long approvalId, boolean signed, String description) {
	}

	/** The request that holds the entry (a pending one, or else the approved one); empty when none does. */
	Optional<Hold> holding(long entryId);
}
