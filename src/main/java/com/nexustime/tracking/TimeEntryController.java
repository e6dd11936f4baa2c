package com.nexustime.tracking;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.nexustime.system.security.CurrentUser;

@RestController
@RequestMapping("/api/v1/time-entries")
class TimeEntryController {

	private static final String WRITERS = "hasAnyRole('STAFF','MANAGER','ADMIN')";

	private final TimeEntryService service;

	private final BulkEntryImport bulk;

	TimeEntryController(TimeEntryService service, BulkEntryImport bulk) {
		this.service = service;
		this.bulk = bulk;
	}

	record BulkRequest(@NotBlank(message = "is required") @Size(max = BulkEntryImport.MAX_CHARS, message = "must be at most "
			+ BulkEntryImport.MAX_CHARS + " characters") String text, Boolean dryRun) {
	}

	/** Pasted rows: a preview with {@code dryRun}, else all rows created in one transaction (or 422 and none). */
	@PostMapping("/bulk")
	@PreAuthorize(WRITERS)
	ResponseEntity<?> bulk(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody BulkRequest request) {
		if (Boolean.TRUE.equals(request.dryRun())) {
			return ResponseEntity.ok(bulk.preview(user, request.text()));
		}
		try {
			return ResponseEntity.status(HttpStatus.CREATED).body(bulk.importAll(user, request.text()));
		}
		catch (BulkEntryImport.ImportRefused refused) {
			ProblemDetail problem = ProblemDetail
				.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, refused.getMessage());
			problem.setTitle("Rows refused");
			problem.setProperty("rejected", refused.result().rejected());
			problem.setProperty("accepted", refused.result().accepted().size());
			return ResponseEntity.unprocessableEntity()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(WRITERS)
	TimeEntry create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody EntryRequest request) {
		return service.create(user, request);
	}

	@GetMapping
	List<TimeEntry> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long userId,
			@RequestParam(required = false) Long projectId, @RequestParam(required = false) Long contactId,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) EntryType type,
			@RequestParam(defaultValue = "500") int limit) {
		return service.list(user, new TimeEntries.Filter(userId, projectId, contactId, from, to, type, null),
				Math.max(1, Math.min(limit, 5000)));
	}

	@GetMapping("/{id}")
	TimeEntry get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return service.get(user, id);
	}

	@PatchMapping("/{id}")
	@PreAuthorize(WRITERS)
	TimeEntry update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody EntryChanges changes) {
		return service.update(user, id, changes);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize(WRITERS)
	void delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		service.delete(user, id);
	}
}
