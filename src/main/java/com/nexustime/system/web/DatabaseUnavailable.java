package com.nexustime.system.web;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database cannot be reached right now (restarting, network gone, pool exhausted): a passing condition, not a
 * fault of the request. API callers get 503 problem+json with {@code Retry-After}; pages get the error page with
 * 503. Used by the handlers here and by the sign-in's entry point (a password checked against a database that is
 * gone). Conflicts between writers ({@link ConcurrencyFailureException}) are not this: they keep their 409.
 */
public final class DatabaseUnavailable {

	/** Seconds a client is asked to wait: about how long PostgreSQL takes to restart. */
	static final int RETRY_AFTER_SECONDS = 5;

	static final String TITLE = "Service unavailable";

	static final String DETAIL = "The database cannot be reached at the moment; try again shortly.";

	private DatabaseUnavailable() {
	}

	/** Whether {@code failure} or one of its causes says the database is out of reach. */
	public static boolean causedBy(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof ConcurrencyFailureException) {
				return false;
			}
			if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
					|| t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
					|| t instanceof java.net.ConnectException || connectionState(t)) {
				return true;
			}
		}
		return false;
	}

	/* SQLState class 08 (connection exception) and 57P0x (the server is shutting down or restarting) */
	private static boolean connectionState(Throwable t) {
		if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
			String state = sql.getSQLState();
			return state.startsWith("08") || state.startsWith("57P0");
		}
		return false;
	}

	static boolean api(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
	}

	/** Answers 503: problem+json under /api/, otherwise the app's error page. */
	public static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
		if (api(request)) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + TITLE + "\",\"status\":503,"
					+ "\"detail\":\"" + DETAIL + "\",\"instance\":\"" + jsonText(request.getRequestURI()) + "\"}");
		}
		else {
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		}
	}

	private static String jsonText(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}
}
