package com.nexustime.system.web;

/** A business rule refused the request; {@code field} names the input it concerns, when there is one. */
public class RuleViolationException extends RuntimeException {

	private final String field;

	public RuleViolationException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
