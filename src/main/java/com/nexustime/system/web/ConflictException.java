package com.nexustime.system.web;

/**
 * The request clashes with the current state: a locked week, a running timer, a decided approval. {@code field}
 * names the input that clashes, when there is one.
 */
public class ConflictException extends RuntimeException {

	private final String field;

	public ConflictException(String reason) {
		this(null, reason);
	}

	public ConflictException(String field, String reason) {
		super(reason);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
