package com.nexustime.system.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address people outside the app reach it at ({@code nexus.public-base-url}), for links in mails and PDFs:
 * the client's approval link, the invoice's back-link to the submission.
 */
@Component
public class PublicAddress {

	private final String baseUrl;

	PublicAddress(@Value("${nexus.public-base-url:http://localhost:${server.port:8080}}") String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** The absolute URL of {@code path}, which starts with a slash. */
	public String of(String path) {
		return baseUrl + path;
	}
}
