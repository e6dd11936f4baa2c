package com.nexustime.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A rule that failed while deciding answers the API with 422 naming the rule, not with a 500: the request was
 * fine, a process owner's rule file is not. Pages get the same status through {@link RuleFailedException}'s
 * error page.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RuleFailureAdvice {

	private static final Logger log = LoggerFactory.getLogger(RuleFailureAdvice.class);

	@ExceptionHandler(RuleFailedException.class)
	ResponseEntity<ProblemDetail> failed(RuleFailedException ex) {
		log.warn("A rule failed while deciding; a process owner must fix the rule file: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
				ex.getMessage() + ". Nothing was decided or changed; the rule file needs fixing.");
		problem.setTitle("A rule could not decide");
		problem.setProperty("rule", ex.rule());
		return ResponseEntity.unprocessableEntity().body(problem);
	}
}
