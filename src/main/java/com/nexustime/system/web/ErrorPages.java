package com.nexustime.system.web;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every error that no handler answered becomes (an unmapped path, a method, media type or encoding the app
 * does not take, a rejected address): under {@code /api/} a problem+json body, whatever the client accepts;
 * anywhere else the app's own error page, whatever the browser accepts. Replaces Spring Boot's error controller,
 * whose JSON ({@code timestamp}, {@code error}) reached API clients and, for some addresses, browsers.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

	static final String API_PREFIX = "/api/";

	private final ObjectMapper json;

	ErrorPages(ObjectMapper json) {
		this.json = json;
	}

	/** An address the firewall refuses ({@code %0A}, {@code ;}, {@code //}) is the client's mistake: 400, not 500. */
	@Bean
	static RequestRejectedHandler rejectedAddressIsBadRequest() {
		return new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());
	}

	@RequestMapping
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus status = status(request);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri == null ? "" : uri.toString().substring(Math.min(request.getContextPath().length(),
				uri.toString().length()));
		if (path.startsWith(API_PREFIX)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
			problem.setTitle(title(status));
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			json.writeValue(response.getOutputStream(), problem);
			return null;
		}
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		return new ModelAndView("error", Map.of("status", status.value()), status);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code == null) {
			// /error asked for directly, not forwarded by the container: there is no error, so nothing is there
			return HttpStatus.NOT_FOUND;
		}
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

	/** "Not found", "Method not allowed": the titles {@link ApiExceptionHandler} gives. */
	private static String title(HttpStatus status) {
		String phrase = status.getReasonPhrase();
		return phrase.charAt(0) + phrase.substring(1).toLowerCase(java.util.Locale.ROOT);
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "The request cannot be read (its address, parameters or body).";
			case UNAUTHORIZED -> "Sign in, or send a token or Basic credentials.";
			case FORBIDDEN -> "Your roles do not allow this request.";
			case NOT_FOUND -> "There is nothing at this address.";
			case METHOD_NOT_ALLOWED -> "This address does not take this method; the Allow header lists those it takes.";
			case NOT_ACCEPTABLE -> "This address cannot answer in any of the media types the Accept header names.";
			case PAYLOAD_TOO_LARGE -> "The request body is larger than this address takes.";
			case UNSUPPORTED_MEDIA_TYPE -> "This address does not take a body of this Content-Type.";
			default -> status.is5xxServerError() ? "The request could not be completed; the error has been logged."
					: "The request cannot be completed.";
		};
	}
}
