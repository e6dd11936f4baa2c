package com.nexustime.tracking;

/** Where an entry stands on the way to an invoice. */
public enum EntryStatus {
	/** editable by its owner (unless the week is submitted or approved) */
	OPEN,
	/** in a client approval that has not been decided */
	IN_PROCESS,
	/** approved by the client or finalized by an admin; waiting for an invoice */
	FINALIZED,
	/** on an invoice */
	BILLED;

	/**
	 * Whether a client approval can hold an entry in this status: one that was sent (pending) or signed. The lock
	 * question asks which approval holds such an entry; for any other status it is the same for every entry.
	 */
	public boolean mayBeHeldByApproval() {
		return this == IN_PROCESS || this == FINALIZED;
	}
}
