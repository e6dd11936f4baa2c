package com.nexustime.timesheet;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A block pasted into the grid (see {@link PastedBlock}); {@code userId} is the owner of the week when not the caller. */
record PastedRows(Long userId,
		@NotNull(message = "is required") @Size(max = PastedBlock.MAX_CHARS,
				message = "must be at most 20000 characters") String text) {
}
