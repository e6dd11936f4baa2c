package com.nexustime.rules;

final class RuleText {

	private RuleText() {
	}

	/** Corporations are free text; surrounding blanks are typing noise, and an empty one means "none". */
	static String blankToNull(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return value.strip();
	}
}
