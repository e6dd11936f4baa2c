package com.nexustime.system.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The object does not exist, or the caller may not see it; both answer 404 so that nothing leaks. */
@ResponseStatus(HttpStatus.NOT_FOUND) // pages get the 404 error page; the API answers problem+json first
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
	}
}
