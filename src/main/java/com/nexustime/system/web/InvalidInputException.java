package com.nexustime.system.web;

/**
 * Input that cannot be read or is out of bounds, found past binding (in text a service parses itself): a 400
 * naming the field, like a binding error.
 */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
