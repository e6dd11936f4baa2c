package com.nexustime.system.web;

/** The request clashes with the current state: a locked week, a running timer, a decided approval. */
public class ConflictException extends RuntimeException {

	public ConflictException(String reason) {
		super(reason);
	}
}
