package com.nexustime.system.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in (the login form's POST, or a request with HTTP Basic) whose account or address is blocked by
 * {@link SignInThrottle}, before its password is checked: 429 with {@code Retry-After}, as problem+json for Basic
 * and as the login page with a message (and the email kept) for the form.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

	/** The request attribute the login page reads: seconds to wait. */
	static final String WAIT_ATTRIBUTE = "signInWaitSeconds";

	private static final Logger log = LoggerFactory.getLogger(SignInThrottleFilter.class);

	private final SignInThrottle throttle;

	SignInThrottleFilter(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean form = isFormLogin(request);
		String email = form ? request.getParameter("username") : basicUser(request);
		Optional<Duration> wait = email == null ? Optional.empty() : throttle.waitFor(email, request.getRemoteAddr());
		if (wait.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
		log.warn("Refused a sign-in as {} from {}: too many failed sign-ins, {} s to wait",
				SignInThrottle.masked(email), request.getRemoteAddr(), seconds);
		response.setStatus(429);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		if (form) {
			request.setAttribute(WAIT_ATTRIBUTE, seconds);
			request.getRequestDispatcher("/login").forward(new AsGet(request), response);
			return;
		}
		response.setContentType("application/problem+json");
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
				+ "\"detail\":\"Too many failed sign-ins: try again in " + seconds + " seconds.\"}");
	}

	private static boolean isFormLogin(HttpServletRequest request) {
		return "POST".equals(request.getMethod())
				&& request.getRequestURI().equals(request.getContextPath() + "/login");
	}

	/** The user name of {@code Authorization: Basic …}, or null when there is none or it cannot be read. */
	static String basicUser(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The login POST shown again as the login page. */
	private static final class AsGet extends HttpServletRequestWrapper {

		AsGet(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return "GET";
		}
	}
}
