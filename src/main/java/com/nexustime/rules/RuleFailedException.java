package com.nexustime.rules;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A rule file that compiled but failed while deciding: a consequence or a condition threw. Nobody's input is to
 * blame and nothing was decided; the message names the rule so that a process owner can fix its file. The API
 * answers it with 422 naming the rule; a reload whose rules fail this way on sample questions is refused.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_ENTITY)
public class RuleFailedException extends RuntimeException {

	private final String rule;

	public RuleFailedException(String rule, Throwable cause) {
		super("rule \"" + rule + "\" failed while deciding: " + rootMessage(cause), cause);
		this.rule = rule;
	}

	/** The failing rule's name, or a description of where evaluation failed when Drools names no rule. */
	public String rule() {
		return rule;
	}

	private static String rootMessage(Throwable cause) {
		Throwable root = cause;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
	}
}
