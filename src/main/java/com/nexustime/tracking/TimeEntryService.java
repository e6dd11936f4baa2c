package com.nexustime.tracking;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.budget.PoAlert;
import com.nexustime.rules.Actor;
import com.nexustime.rules.LockQuestion;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.web.RuleViolationException;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * Tracking's API for single entries, which the entry API and pages, the weekly grid, the timer, bulk import and
 * finance's pages call, and where each call's transaction begins. Every change asks the rules: the activity must
 * be available on the project, the week must be editable for the person asking, and the rate in force on the
 * entry's date is snapshotted with the amount. A user's saves are serialised so that the 24-hours-a-day limit
 * holds under concurrency, and every change is audited in the same transaction. Every change of cost is checked
 * against the project's purchase orders; an entry answers the threshold alerts its save raised. The steps live
 * in {@link EntrySaves} (changes), {@link EntryDrafts} (facts, checks and price), {@link EntryLocking} (the
 * week-locking questions) and {@link VisibleEntries} (reading); their SQL in {@link TimeEntryStore}.
 */
@Service
public class TimeEntryService {

	private final EntrySaves saves;

	private final EntryDrafts drafts;

	private final EntryLocking locking;

	private final VisibleEntries visible;

	private final TimeEntryStore store;

	private final WorkspaceSettings workspace;

	TimeEntryService(EntrySaves saves, EntryDrafts drafts, EntryLocking locking, VisibleEntries visible,
			TimeEntryStore store, WorkspaceSettings workspace) {
		this.saves = saves;
		this.drafts = drafts;
		this.locking = locking;
		this.visible = visible;
		this.store = store;
		this.workspace = workspace;
	}

	@Transactional
	public TimeEntry create(CurrentUser actor, EntryRequest request) {
		return saves.create(actor, request);
	}

	@Transactional
	public TimeEntry update(CurrentUser actor, long id, EntryChanges changes) {
		return saves.update(actor, id, changes);
	}

	@Transactional
	public void delete(CurrentUser actor, long id) {
		saves.delete(actor, id);
	}

	@Transactional(readOnly = true)
	public TimeEntry get(CurrentUser actor, long id) {
		return visible.get(actor, id);
	}

	@Transactional(readOnly = true)
	public List<TimeEntry> list(CurrentUser actor, TimeEntries.Filter filter, int limit) {
		return visible.list(actor, filter, limit);
	}

	/**
	 * How the person asking relates to the entry's owner ({@link EntryActors}); people with no relation may not
	 * change the entries of others (403).
	 */
	public Actor relation(CurrentUser actor, long ownerId) {
		return saves.relation(actor, ownerId);
	}

	/**
	 * The state of a user-week as the week-locking rules see it: the stored state as it is (a week never
	 * submitted is OPEN); what a state means for an entry is the rules' decision alone.
	 */
	public String weekState(long userId, LocalDate weekStart) {
		return locking.weekState(userId, weekStart);
	}

	/**
	 * The ids of those {@code shown} entries that the week-locking rules let {@code actor} change (edit or
	 * delete), asked without throwing: for pages that offer only what the rules allow. Each week's state and
	 * each distinct question are read and asked once.
	 */
	@Transactional(readOnly = true)
	public Set<Long> changeable(CurrentUser actor, Collection<TimeEntry> shown) {
		return locking.changeable(actor, shown);
	}

	/**
	 * Whether the week-locking rules let {@code actor} create an entry of {@code type} for {@code ownerId} on
	 * {@code date}, asked without throwing: for pages that offer only what the rules allow.
	 */
	@Transactional(readOnly = true)
	public boolean mayCreate(CurrentUser actor, EntryType type, long ownerId, LocalDate date) {
		return locking.mayCreate(actor, type, ownerId, date);
	}

	/**
	 * The week-locking question for an entry ({@code entryId}, or null for a new one) with everything the rules
	 * need to know about it, the client approval that holds it included. Every surface that shows or changes
	 * entries builds its question here, so the rules see the same facts everywhere.
	 */
	public LockQuestion lockQuestion(Actor actor, EntryType type, EntryStatus status, Long entryId, String weekState) {
		return locking.lockQuestion(actor, type, status, entryId, weekState);
	}

	/**
	 * Serialises the saves of one person's entries until the transaction ends (the day limit and the weekly grid
	 * rely on it); callers that save several entries at once take it first.
	 */
	public void lockUser(long userId) {
		store.lockOwner(userId);
	}

	/** 422 unless time can be booked on this activity of this project (a running timer is checked the same way). */
	public void checkTrackable(long userId, Long projectId, Long activityId) {
		drafts.checkTrackable(userId, projectId, activityId, null, workspace.cached());
	}

	/**
	 * 422 naming {@code artworkId} unless the artwork belongs to the project (the check every entry save makes);
	 * nothing to check when {@code artworkId} is null.
	 */
	public void checkArtwork(Long projectId, Long artworkId) {
		checkArtwork(projectId, artworkId, true);
	}

	/**
	 * {@link #checkArtwork(Long, Long)}; a completed artwork is refused only when {@code addsTime} (a grid row
	 * saved without new hours on it may keep naming its completed artwork).
	 */
	public void checkArtwork(Long projectId, Long artworkId, boolean addsTime) {
		drafts.checkArtwork(projectId, artworkId, addsTime);
	}

	/**
	 * {@link #checkTrackable}, answering the billable flag an entry of this booking gets: {@code billable} as
	 * given, else the activity's (the default every save path shares).
	 */
	boolean checkTrackable(long userId, Long projectId, Long activityId, Boolean billable) {
		return drafts.checkTrackable(userId, projectId, activityId, billable, workspace.cached());
	}

	/** The alerts as an entry shows them. */
	public static List<TimeEntry.Alert> alerts(List<PoAlert> raised) {
		return raised.stream().map(a -> new TimeEntry.Alert(TimeEntry.Alert.PO_THRESHOLD, a.poNumber(),
				a.invoiceGroup(), a.percent())).toList();
	}
}
