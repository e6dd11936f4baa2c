package com.nexustime.timesheet;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The grid as the person wants it saved. Cells hold hours as typed ({@code 1.5}, {@code 1:30}, empty for
 * none); {@code userId} is the owner of the week when someone other than the caller.
 */
record GridChanges(Long userId, @NotNull(message = "is required") List<@Valid @NotNull(message = "is required") RowHours> rows) {

	record RowHours(@NotNull(message = "is required") Long projectId,
			@NotNull(message = "is required") Long activityId,
			@NotNull(message = "is required") @Size(min = 7, max = 7, message = "must hold seven days") List<String> hours) {
	}
}
