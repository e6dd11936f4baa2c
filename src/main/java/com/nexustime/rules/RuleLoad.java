package com.nexustime.rules;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of compiling the rule files: when, which files, and whether the rules were taken into use.
 * A failed load lists the errors; the rules in effect before it stay in effect.
 */
public record RuleLoad(Instant loadedAt, List<String> files, boolean ok, List<RuleError> errors) {

	public RuleLoad {
		files = List.copyOf(files);
		errors = List.copyOf(errors);
	}

	/** One compiler complaint: the rule file, the line (0 when Drools names none) and the message. */
	public record RuleError(String file, int line, String message) {

		@Override
		public String toString() {
			return file + (line > 0 ? ", line " + line : "") + ": " + message;
		}
	}
}
