package com.nexustime.system.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The one rule that keeps auditors read-only: a person whose only role is AUDITOR may send no request that
 * changes anything (any method but GET, HEAD, OPTIONS), on the API and on the pages alike, whatever the
 * endpoint — so a new endpoint is covered without anyone remembering to. Their own account stays theirs:
 * {@code /me/**} and {@code /api/v1/me/**} (access tokens, marking their notifications read).
 * Someone who is AUDITOR and also STAFF, MANAGER, ADMIN or PROCESS_OWNER gets that role's writes.
 */
final class ReadOnlyAuditors {

	static final String[] OWN_ACCOUNT = { "/me/**", "/api/v1/me/**" };

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final Set<Role> WRITING_ROLES = EnumSet.of(Role.STAFF, Role.MANAGER, Role.ADMIN, Role.PROCESS_OWNER);

	private ReadOnlyAuditors() {
	}

	static boolean isWrite(HttpServletRequest request) {
		return !SAFE_METHODS.contains(request.getMethod().toUpperCase());
	}

	/** Signed in, and not an auditor without a role that writes. */
	static AuthorizationManager<RequestAuthorizationContext> refused() {
		AuthenticationTrustResolverImpl trust = new AuthenticationTrustResolverImpl();
		return new AuthorizationManager<>() {
			@Override
			@SuppressWarnings("deprecation")
			public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
				Authentication who = authentication.get();
				if (who == null || !who.isAuthenticated() || trust.isAnonymous(who)) {
					return new AuthorizationDecision(false);
				}
				return new AuthorizationDecision(!auditorOnly(who));
			}
		};
	}

	static boolean auditorOnly(Authentication who) {
		Set<String> authorities = new java.util.HashSet<>();
		for (GrantedAuthority authority : who.getAuthorities()) {
			authorities.add(authority.getAuthority());
		}
		return authorities.contains("ROLE_" + Role.AUDITOR.name())
				&& WRITING_ROLES.stream().noneMatch(role -> authorities.contains("ROLE_" + role.name()));
	}
}
