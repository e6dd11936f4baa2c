package com.nexustime.system.web;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Controllers (API and pages) whose database call failed because the database is out of reach answer 503
 * ({@link DatabaseUnavailable}), not 500. Runs before {@link ApiExceptionHandler}, which answers every other failure.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 2)
class DatabaseUnavailableAdvice {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

	/*
	 * By type, so that every other failure goes on to the next handler; Spring also matches these among the causes
	 * (the engine wraps the pool's SQLTransientConnectionException). Not TransientDataAccessException as a whole: its
	 * ConcurrencyFailureException (a stale version, a lock) stays a 409.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, QueryTimeoutException.class,
			TransientDataAccessResourceException.class, CannotCreateTransactionException.class,
			SQLTransientConnectionException.class })
	void databaseUnavailable(Exception ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		log.warn("Database unavailable during {} {}: {}", request.getMethod(), request.getRequestURI(), ex.toString());
		DatabaseUnavailable.answer(request, response);
	}
}
