package com.nexustime.system.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Where a request's sign-in comes from. A request with {@code Authorization: Basic …} or {@code Bearer …} is
 * authenticated by that header or refused: the sign-in of a session cookie sent along is not restored, so it can
 * neither stand in for bad credentials nor make the request skip CSRF (Spring's Basic filter would otherwise keep
 * a session's sign-in when the header names the same person, without checking the password).
 */
final class CredentialsInRequest implements SecurityContextRepository {

	private final SecurityContextRepository delegate;

	CredentialsInRequest(SecurityContextRepository delegate) {
		this.delegate = delegate;
	}

	/** True when the request carries Basic or Bearer credentials of its own. */
	static boolean present(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null
				&& (header.regionMatches(true, 0, "Basic", 0, 5) || header.regionMatches(true, 0, "Bearer", 0, 6));
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		if (!present(request)) {
			return delegate.loadDeferredContext(request);
		}
		return new DeferredSecurityContext() {
			@Override
			public SecurityContext get() {
				return SecurityContextHolder.createEmptyContext();
			}

			@Override
			public boolean isGenerated() {
				return true;
			}
		};
	}

	@Override
	@SuppressWarnings("deprecation")
	public SecurityContext loadContext(HttpRequestResponseHolder holder) {
		return present(holder.getRequest()) ? SecurityContextHolder.createEmptyContext() : delegate.loadContext(holder);
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		delegate.saveContext(context, request, response);
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return delegate.containsContext(request);
	}
}
