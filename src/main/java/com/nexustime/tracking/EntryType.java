package com.nexustime.tracking;

/** What an entry records: hours of work, a money amount for an outside cost, or an admin's correction. */
public enum EntryType {
	ACTIVITY, FIXED_COST, ADJUSTMENT
}
