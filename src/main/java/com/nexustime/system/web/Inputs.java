package com.nexustime.system.web;

/** Small normalisations of what people type. */
public final class Inputs {

	private Inputs() {
	}

	/** Optional free text arrives blank from forms; stored as null so that "none" has one spelling. */
	public static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
