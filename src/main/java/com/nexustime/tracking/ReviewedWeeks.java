package com.nexustime.tracking;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a person's week stands in the review, as the review module records it (OPEN, SUBMITTED, APPROVED,
 * REJECTED). Review owns the weeks and depends on tracking for their entries; it implements this so that
 * tracking never reads review's table nor depends on review back.
 */
public interface ReviewedWeeks {

	/** The stored status of the week starting {@code weekStart}; empty when it was never submitted. */
	Optional<String> status(long userId, LocalDate weekStart);
}
