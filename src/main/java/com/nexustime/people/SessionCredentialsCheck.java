package com.nexustime.people;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.nexustime.system.security.CurrentUser;

/**
 * Ends a signed-in session whose password has changed since it signed in. The session keeps the password hash it
 * signed in with; the database keeps the current one, so a change made on any node ends the person's sessions on
 * every node on their next request. Requests that bring their own credentials (Basic, token) are checked by
 * those. Runs after Spring Security has restored the session's sign-in.
 */
@Component
class SessionCredentialsCheck extends OncePerRequestFilter {

	private final JdbcClient jdbc;

	SessionCredentialsCheck(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Static files need no check: they show nothing of the person. */
	private static final java.util.List<String> STATIC = java.util.List.of("/webjars/", "/css/", "/js/", "/img/");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getSession(false) == null
				|| STATIC.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn != null && signedIn.getPrincipal() instanceof CurrentUser user && user.passwordHash() != null
				&& !current(user)) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (path.startsWith("/api/")) {
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				response.setContentType("application/problem+json");
				response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
						+ "\"detail\":\"Your password changed: sign in again.\"}");
			}
			else {
				response.sendRedirect(request.getContextPath() + "/login?expired");
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean current(CurrentUser user) {
		return jdbc.sql("select count(*) from app_user where id = ? and password_hash = ?")
			.params(user.id(), user.passwordHash()).query(Long.class).single() > 0;
	}
}
