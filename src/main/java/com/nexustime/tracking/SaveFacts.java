package com.nexustime.tracking;

import java.time.LocalDate;
import java.util.List;

import com.nexustime.rules.RateCandidate;

/**
 * What a save needs to know, read after the person's lock in one round trip ({@link TimeEntryStore#saveFacts}):
 * the project and the activity (its billable flag the default of a new entry's), whether the project has purchase orders, the minutes the person logged on
 * {@code day} (the entry being changed left out), the stored status of the week holding {@code day} (review's
 * answer, null for a week never submitted) and the rate rows that could price the entry (empty when the draft
 * is not priced by rate). {@code day} is null when the draft gives no usable date; validation then refuses it
 * before the minutes matter.
 */
record SaveFacts(long id, String type, String status, String corporation, String billingMode, Long activityId,
		String category, String activityCorporation, Boolean activityActive, Boolean activityBillable, boolean hasOrders, LocalDate day,
		int minutesThatDay, String weekStatus, List<RateCandidate> rateCandidates) {

	/** The week-locking state of the week holding {@code date}: from these facts when they read that day. */
	String weekStateOn(LocalDate date, java.util.function.Supplier<String> read) {
		return date.equals(day) ? EntryLocking.stateOf(weekStatus) : read.get();
	}
}
