package com.nexustime.rules;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rules for admins and process owners over the API: their state, and reloading them from the files. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN','PROCESS_OWNER')")
@RequestMapping("/api/v1/admin/rules")
class RulesApiController {

	private final RuleAdministration administration;

	RulesApiController(RuleAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	RuleAdministration.RulesOverview overview() {
		return administration.overview();
	}

	/** 200 with the new load, or 422 listing the compiler's errors while the previous rules stay in effect. */
	@PostMapping("/reload")
	ResponseEntity<?> reload() {
		RuleLoad load = administration.reload();
		if (load.ok()) {
			return ResponseEntity.ok(load);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
				load.errors().size() + " error(s) in the rule files; the previous rules stay in effect.");
		problem.setTitle("Rules not reloaded");
		problem.setType(URI.create("about:blank"));
		problem.setProperty("errors", load.errors());
		problem.setProperty("files", load.files());
		return ResponseEntity.unprocessableEntity().body(problem);
	}
}
