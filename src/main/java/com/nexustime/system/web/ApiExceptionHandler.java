package com.nexustime.system.web;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of an API call into {@code application/problem+json}: 400 malformed or invalid input
 * (with the fields), 403, 404 (also for a path id that cannot be read), 409 state conflicts, 422 rule refusals. Unexpected errors answer a bare 500
 * without internals; the details go to the log.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1) // before PageExceptionHandler, which also matches REST controllers
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	record FieldProblem(String field, String message) {
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
			.map(e -> new FieldProblem(e.getField(), e.getDefaultMessage()))
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", summary(errors));
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getParameterValidationResults().stream()
			.flatMap(r -> r.getResolvableErrors().stream()
				.map(e -> new FieldProblem(r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", summary(errors));
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (org.springframework.core.NestedExceptionUtils.getRootCause(ex) instanceof ApiBodyLimit.BodyTooLarge) {
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
					"Request too large", "The request body is larger than " + ApiBodyLimit.MAX_BYTES + " bytes."));
		}
		ProblemDetail problem;
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath().stream()
				.map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining(".")).replace(".[", "[");
			String original = mapping.getOriginalMessage();
			String reason = original != null && original.startsWith("must be ") ? original : null;
			problem = problem(HttpStatus.BAD_REQUEST, "Malformed input", "The value of '" + field + "' cannot be read"
					+ (reason == null ? "." : ": it " + reason + "."));
			problem.setProperty("errors", List.of(new FieldProblem(field, reason == null ? "has the wrong type or format" : reason)));
		}
		else {
			problem = problem(HttpStatus.BAD_REQUEST, "Malformed input", "The request body is not valid JSON.");
		}
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * A blank id in the path ({@code /projects/%20}) becomes no value at all once converted: like an id that cannot be
	 * read, it names nothing. A path variable the mapping itself lacks is the server's mistake and stays a 500.
	 */
	@Override
	protected ResponseEntity<Object> handleMissingPathVariable(MissingPathVariableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (!ex.isMissingAfterConversion()) {
			return super.handleMissingPathVariable(ex, headers, status, request);
		}
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(problem(HttpStatus.NOT_FOUND, "Not found", "There is nothing at a blank '" + ex.getVariableName() + "'."));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		if (namesNothing(ex)) {
			// ids are opaque strings to a client: one that cannot even be read names nothing
			return respond(problem(HttpStatus.NOT_FOUND, "Not found",
					"There is nothing at '" + ex.getName() + "' = '" + ex.getValue() + "'."));
		}
		String reason = boundMessage(ex);
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Malformed input",
				"The value of '" + ex.getName() + "' cannot be read" + (reason == null ? "." : ": it " + reason + "."));
		problem.setProperty("errors", List.of(new FieldProblem(ex.getName(),
				reason == null ? "has the wrong type or format" : reason)));
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		List<FieldProblem> errors = ex.getConstraintViolations().stream()
			.map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", summary(errors));
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", ex.field() + ": " + ex.getMessage());
		problem.setProperty("errors", List.of(new FieldProblem(ex.field(), ex.getMessage())));
		return respond(problem);
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return respond(problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage()));
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage());
		if (ex.field() != null) {
			problem.setProperty("errors", List.of(new FieldProblem(ex.field(), ex.getMessage())));
		}
		return respond(problem);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> staleVersion(OptimisticLockingFailureException ex) {
		return respond(problem(HttpStatus.CONFLICT, "Conflict",
				"Someone else changed this record in the meantime; reload and try again."));
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException ex) {
		return respond(problem(HttpStatus.CONFLICT, "Conflict", "A record with the same unique values already exists."));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
		log.info("Refused by a database constraint: {}", ex.getMostSpecificCause().getMessage());
		return respond(problem(HttpStatus.UNPROCESSABLE_ENTITY, "Refused",
				"The change breaks a consistency rule (a referenced record is missing or a value is out of range)."));
	}

	@ExceptionHandler(RuleViolationException.class)
	ResponseEntity<ProblemDetail> ruleViolation(RuleViolationException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Refused by a rule", ex.getMessage());
		if (ex.field() != null) {
			problem.setProperty("errors", List.of(new FieldProblem(ex.field(), ex.getMessage())));
		}
		return respond(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
		return respond(problem(HttpStatus.FORBIDDEN, "Forbidden", "Your roles do not allow this request."));
	}

	/** Spring Data JDBC wraps database refusals; answer them as if they had arrived bare. */
	@ExceptionHandler(DbActionExecutionException.class)
	ResponseEntity<ProblemDetail> repositoryAction(DbActionExecutionException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof DuplicateKeyException duplicate) {
			return duplicate(duplicate);
		}
		if (cause instanceof OptimisticLockingFailureException stale) {
			return staleVersion(stale);
		}
		if (cause instanceof DataIntegrityViolationException integrity) {
			return integrity(integrity);
		}
		return unexpected(ex);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"The request could not be completed; the error has been logged."));
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	private static String summary(List<FieldProblem> errors) {
		if (errors.isEmpty()) {
			return "The request is invalid.";
		}
		return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}

	/** The reason {@link Inputs} or {@link DateBounds} gave for refusing a value, when they did. */
	static String boundMessage(Exception ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof IllegalArgumentException && cause.getMessage() != null
					&& cause.getMessage().startsWith("must be ")) {
				return cause.getMessage();
			}
		}
		return null;
	}

	/**
	 * An id in the path (a number to the server, an opaque string to a client) that cannot be read names nothing.
	 * A malformed date or other value in a path stays a 400, like a bad query parameter.
	 */
	static boolean namesNothing(MethodArgumentTypeMismatchException ex) {
		Class<?> type = ex.getRequiredType();
		return ex.getParameter().hasParameterAnnotation(PathVariable.class) && type != null
				&& (Number.class.isAssignableFrom(type) || type == long.class || type == int.class);
	}
}
