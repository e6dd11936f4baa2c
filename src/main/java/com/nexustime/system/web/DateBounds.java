package com.nexustime.system.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The one range of days the application reads: 1900-01-01 to 9999-12-31. Entries, grid weeks, report ranges,
 * rates, prices and every date typed into a path, query, form or JSON body keep to it, so that no far date
 * ({@code +999999999-12-27}) reaches arithmetic or the database.
 */
public final class DateBounds {

	/** The first day anything may be dated. */
	public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

	/** The last day anything may be dated. */
	public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

	/** What a person reads when a date is out of range. */
	public static final String MESSAGE = "must be a date between " + FIRST_DAY + " and " + LAST_DAY;

	private DateBounds() {
	}

	/** Whether {@code date} lies in the range. */
	public static boolean contains(LocalDate date) {
		return !date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY);
	}

	/** {@code date} itself, or {@link IllegalArgumentException} with {@link #MESSAGE} when it is out of range. */
	public static LocalDate check(LocalDate date) {
		if (date != null && !contains(date)) {
			throw new IllegalArgumentException(MESSAGE);
		}
		return date;
	}

	/**
	 * Reads an ISO day ({@code 2026-11-23}) and keeps it to the range; anything else, a day count included, is
	 * refused with {@link IllegalArgumentException}.
	 */
	public static LocalDate parse(String text) {
		String value = text == null ? "" : text.trim();
		if (value.length() > 11) { // "+" and a year of at most five digits, never a far year's nine
			throw new IllegalArgumentException(MESSAGE);
		}
		try {
			return check(LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("must be a date like 2026-11-23");
		}
	}
}
