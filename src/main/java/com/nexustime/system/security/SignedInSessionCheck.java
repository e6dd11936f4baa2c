package com.nexustime.system.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a browser session to the account as it is now, on every node. A session keeps the person it signed in
 * as (id, password hash, active flag, roles); each request that comes back with that session reads the account
 * again, by its primary key with its roles (one indexed query, the one {@link UserAccounts#byId} makes), before
 * anything is authorised:
 * <ul>
 * <li>the account is gone, deactivated, or its password changed since this session signed in: the session ends
 * (pages go to {@code /login?expired}, the API answers 401 problem+json);</li>
 * <li>its roles changed (a demotion or a promotion): the request goes on with the roles the account has now, and
 * the session keeps them.</li>
 * </ul>
 * There is no per-node registry of sessions: the database is the only record, so a change made on one node is
 * seen by the next request on any node. It runs right after the session's sign-in is restored and before HTTP
 * Basic or a token can replace it.
 */
class SignedInSessionCheck extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(SignedInSessionCheck.class);

	private final UserAccounts accounts;

	private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	SignedInSessionCheck(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (session == null || signedIn == null || !(signedIn.getPrincipal() instanceof CurrentUser held)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<CurrentUser> now = accounts.byId(held.id());
		if (now.isEmpty() || !now.get().isEnabled() || !same(held.passwordHash(), now.get().passwordHash())) {
			log.info("Ended the session of user {}: the account was deactivated, removed or its password changed",
					held.id());
			session.invalidate();
			SecurityContextHolder.clearContext();
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (path.startsWith("/api/")) {
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				response.setContentType("application/problem+json");
				response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
						+ "\"detail\":\"Your account changed since you signed in: sign in again.\"}");
			}
			else {
				response.sendRedirect(request.getContextPath() + "/login?expired");
			}
			return;
		}
		if (!held.roles().equals(now.get().roles())) {
			CurrentUser fresh = now.get();
			log.info("User {} now has roles {} (the session had {})", fresh.id(), fresh.roles(), held.roles());
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null,
					fresh.getAuthorities()));
			SecurityContextHolder.setContext(context);
			sessions.saveContext(context, request, response);
		}
		chain.doFilter(request, response);
	}

	private static boolean same(String a, String b) {
		return a == null ? b == null : a.equals(b);
	}
}
