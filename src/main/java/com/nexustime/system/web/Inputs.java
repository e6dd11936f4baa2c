package com.nexustime.system.web;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Small normalisations of what people type, and the bounds every typed number keeps to. */
public final class Inputs {

	/** The longest decimal text read at all: longer text is refused before it is parsed. */
	public static final int DECIMAL_MAX_LENGTH = 40;

	/** Digits before the point: money up to 10^18, far above any amount the columns hold. */
	public static final int DECIMAL_MAX_INTEGER_DIGITS = 18;

	/** Digits after the point once trailing zeros are dropped. */
	public static final int DECIMAL_MAX_FRACTION_DIGITS = 10;

	/** Plain decimal notation, with an exponent of at most two digits (a JSON client may send {@code 1.5e2}). */
	private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d{1,2})?");

	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,19}");

	private Inputs() {
	}

	/** Optional free text arrives blank from forms; stored as null so that "none" has one spelling. */
	public static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	/**
	 * Reads a decimal from text a person or a client sent, checking its length and shape before it is parsed
	 * and its size after: {@code 1e3000000} is refused here, before any multiplication could expand it.
	 * Blank is null. Throws {@link NumberFormatException} with a message for the user.
	 */
	public static BigDecimal decimal(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.trim();
		if (value.length() > DECIMAL_MAX_LENGTH || !DECIMAL.matcher(value).matches()) {
			throw new NumberFormatException(decimalMessage());
		}
		BigDecimal number = new BigDecimal(value);
		if (!bounded(number)) {
			throw new NumberFormatException(decimalMessage());
		}
		return number;
	}

	/**
	 * Reads a whole number (an id, a count) written in plain decimal digits; {@code 0x1}, {@code +1} and
	 * {@code 1e0} are refused with {@link NumberFormatException}. Blank is null.
	 */
	public static Long wholeNumber(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.trim();
		if (!WHOLE_NUMBER.matcher(value).matches()) {
			throw new NumberFormatException("must be a whole number");
		}
		return Long.parseLong(value);
	}

	/** Whether a decimal already read keeps to the bounds of {@link #decimal(String)}. */
	public static boolean bounded(BigDecimal number) {
		if (number.signum() == 0) {
			return number.scale() <= 100 && number.scale() >= -100;
		}
		BigDecimal stripped = number.stripTrailingZeros();
		int integerDigits = stripped.precision() - stripped.scale();
		return integerDigits <= DECIMAL_MAX_INTEGER_DIGITS && stripped.scale() <= DECIMAL_MAX_FRACTION_DIGITS;
	}

	/** The message for a decimal out of bounds. */
	public static String decimalMessage() {
		return "must be a number with at most " + DECIMAL_MAX_INTEGER_DIGITS + " digits before the point and "
				+ DECIMAL_MAX_FRACTION_DIGITS + " after";
	}
}
