package com.nexustime.approval;

/** The link was real but has expired: the page answers 410. */
class LinkGoneException extends RuntimeException {

	LinkGoneException() {
		super("this approval link has expired");
	}
}
