package com.nexustime.system.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Pages: an address whose id cannot be read ({@code /projects/abc}) names nothing, so it gets the 404 page as an
 * unknown number does; an unreadable query parameter stays a 400. The API's answers are
 * {@link ApiExceptionHandler}'s, which comes first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	void typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletResponse response) throws IOException {
		response.sendError(ApiExceptionHandler.namesNothing(ex)
				? HttpStatus.NOT_FOUND.value() : HttpStatus.BAD_REQUEST.value());
	}
}
