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

	/**
	 * The same answer as {@link #status} as a scalar SQL subquery on the named parameters given (a week never
	 * submitted: null), for a save that reads the week's status in the statement that reads its other facts
	 * instead of a round trip of its own. Review writes the SQL, so tracking still never names review's table.
	 */
	String statusSubquery(String userIdParameter, String weekStartParameter);
}
