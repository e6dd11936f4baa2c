package com.nexustime.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.nexustime.system.web.DateBounds;

/**
 * A filter bound given as a day ({@code 2026-11-23}, read in UTC) or an instant ({@code 2026-11-23T09:00:00Z}).
 * A day as the upper bound includes the whole day.
 */
public record TimeBound(LocalDate day, Instant instant) {

	/** Parses a request parameter; Spring calls this to convert it, and a failure answers 400 naming it. */
	public static TimeBound valueOf(String text) {
		String value = text.trim();
		try {
			if (value.length() == 10) {
				return new TimeBound(DateBounds.parse(value), null);
			}
			Instant instant = Instant.parse(value);
			DateBounds.check(LocalDate.ofInstant(instant, ZoneOffset.UTC));
			return new TimeBound(null, instant);
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("not a date (2026-11-23) or an instant (2026-11-23T09:00:00Z): " + text);
		}
	}

	public Instant asStart() {
		return instant != null ? instant : day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	public Instant asEndExclusive() {
		return instant != null ? instant : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The text the user typed, for putting back into a form. */
	@Override
	public String toString() {
		return instant != null ? instant.toString() : day.toString();
	}
}
