package com.nexustime.timesheet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the hours a person types into a grid cell: decimal hours ({@code 1.5}, {@code 1,5}), hours and
 * minutes ({@code 1:30}), or nothing (zero). Answers whole minutes.
 */
final class HoursInput {

	private static final Pattern DECIMAL = Pattern.compile("\\d{0,2}(?:[.,]\\d{0,4})?");

	private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})");

	private HoursInput() {
	}

	/** Minutes for {@code text}; throws {@link IllegalArgumentException} with a message for the user. */
	static int minutes(String text) {
		String value = text == null ? "" : text.trim();
		if (value.isEmpty()) {
			return 0;
		}
		Matcher clock = CLOCK.matcher(value);
		if (clock.matches()) {
			int minutes = Integer.parseInt(clock.group(2));
			if (minutes >= 60) {
				throw new IllegalArgumentException("'" + value + "' has more than 59 minutes");
			}
			return Integer.parseInt(clock.group(1)) * 60 + minutes;
		}
		if (DECIMAL.matcher(value).matches() && !value.equals(".") && !value.equals(",")) {
			// at most one separator (the pattern says so): ".5" reads as "0.5", "2." as "2"; no pattern compiled per cell
			String decimal = value.replace(',', '.');
			decimal = decimal.startsWith(".") ? "0" + decimal : decimal;
			decimal = decimal.endsWith(".") ? decimal.substring(0, decimal.length() - 1) : decimal;
			BigDecimal hours = new BigDecimal(decimal); // at most six digits, by the pattern
			int minutes = hours.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValueExact();
			if (minutes == 0 && hours.signum() != 0) {
				throw new IllegalArgumentException("'" + value + "' is less than a minute, the smallest unit");
			}
			return minutes;
		}
		throw new IllegalArgumentException("'" + value + "' is not hours like 1.5 or 1:30");
	}
}
