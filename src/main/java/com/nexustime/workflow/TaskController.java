package com.nexustime.workflow;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.nexustime.system.security.CurrentUser;

/** The caller's tasks through the API; the same {@link Tasklist} rules as the task pages. */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskController {

	private final Tasklist tasklist;

	TaskController(Tasklist tasklist) {
		this.tasklist = tasklist;
	}

	@GetMapping
	List<Tasklist.TaskView> tasks(@AuthenticationPrincipal CurrentUser user) {
		return tasklist.tasksOf(user);
	}

	@GetMapping("/{id}")
	Tasklist.TaskView task(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return tasklist.task(user, id);
	}

	@PostMapping("/{id}/claim")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void claim(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		tasklist.claim(user, id);
	}

	/** A refusal names the rule that refused (say, nobody reviews their own week), not just "forbidden". */
	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> refused(AccessDeniedException refused) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refused.getMessage());
		problem.setTitle("Forbidden");
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
	}

	/** Every field the form refused, each with its key and its rule's message, as the other 422 answers name them. */
	@ExceptionHandler(FormRejected.class)
	ResponseEntity<ProblemDetail> formRejected(FormRejected rejected) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, rejected.errors()
			.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining(" ")));
		problem.setTitle("Refused by the task form");
		problem.setProperty("errors", rejected.errors());
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** The form's values are checked against its own rules before the engine sees them (422 naming each field). */
	@PostMapping("/{id}/complete")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void complete(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@RequestBody(required = false) Map<String, Object> fields) {
		tasklist.complete(user, id, fields == null ? Map.of() : fields);
	}
}
