package com.nexustime.timesheet;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The grid as the person wants it saved. Cells hold hours as typed ({@code 1.5}, {@code 1:30}, empty for
 * none); {@code userId} is the owner of the week when someone other than the caller. {@code note} (the row's
 * note) and {@code notes} (one per day, the cell notes) are optional: left out, the stored notes stay; an empty
 * text removes a note. {@code artworkId} (per-piece projects, optional) makes a row the one of that artwork: project ×
 * activity × artwork is then the row's identity and its new entries are linked to the artwork.
 */
record GridChanges(Long userId, @NotNull(message = "is required") List<@Valid @NotNull(message = "is required") RowHours> rows) {

	record RowHours(@NotNull(message = "is required") Long projectId,
			@NotNull(message = "is required") Long activityId,
			@NotNull(message = "is required") @Size(min = 7, max = 7, message = "must hold seven days") List<String> hours,
			@Size(max = NOTE_LIMIT, message = "must be at most 2000 characters") String note,
			@Size(min = 7, max = 7, message = "must hold seven days") List<@Size(max = NOTE_LIMIT,
					message = "must be at most 2000 characters") String> notes,
			Long artworkId) {

		/** Hours only, the notes as stored. */
		RowHours(Long projectId, Long activityId, List<String> hours) {
			this(projectId, activityId, hours, null, null, null);
		}

		/** On no artwork. */
		RowHours(Long projectId, Long activityId, List<String> hours, String note, List<String> notes) {
			this(projectId, activityId, hours, note, notes, null);
		}
	}

	static final int NOTE_LIMIT = 2000;

	/**
	 * These changes for the week's owner named in the query ({@code null}: none named there); naming two different
	 * people, in the query and in the body, is refused rather than saving into either week.
	 */
	GridChanges forOwner(Long queried) {
		if (queried == null || queried.equals(userId)) {
			return this;
		}
		if (userId != null) {
			throw new GridInputException("userId", "the query and the body name different people");
		}
		return new GridChanges(queried, rows);
	}
}
