package com.nexustime.system.web;

/** The object does not exist, or the caller may not see it; both answer 404 so that nothing leaks. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
	}
}
