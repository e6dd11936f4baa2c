package com.nexustime.timesheet;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.nexustime.system.security.CurrentUser;

@RestController
@RequestMapping("/api/v1/timesheets/{weekStart}")
class TimesheetController {

	private static final String WRITERS = "hasAnyRole('STAFF','MANAGER','ADMIN')";

	private final TimesheetService timesheets;

	TimesheetController(TimesheetService timesheets) {
		this.timesheets = timesheets;
	}

	@GetMapping
	WeekGrid grid(@AuthenticationPrincipal CurrentUser user, @PathVariable LocalDate weekStart,
			@RequestParam(required = false) Long userId) {
		return timesheets.grid(user, weekStart, userId);
	}

	@PutMapping
	@PreAuthorize(WRITERS)
	WeekGrid save(@AuthenticationPrincipal CurrentUser user, @PathVariable LocalDate weekStart,
			@RequestParam(required = false) Long userId, @Valid @RequestBody GridChanges changes) {
		// the owner may be named in the query, as for reading the week, or in the body
		return timesheets.save(user, weekStart, changes.forOwner(userId));
	}

	@PostMapping("/copy-previous")
	@PreAuthorize(WRITERS)
	WeekGrid copyPrevious(@AuthenticationPrincipal CurrentUser user, @PathVariable LocalDate weekStart,
			@RequestParam(required = false) Long userId) {
		return timesheets.copyPrevious(user, weekStart, userId);
	}

	@PostMapping("/rows")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(WRITERS)
	WeekGrid addRow(@AuthenticationPrincipal CurrentUser user, @PathVariable LocalDate weekStart,
			@Valid @RequestBody NewRow row) {
		return timesheets.addRow(user, weekStart, row);
	}

	/** A block pasted from a spreadsheet whose first columns name project and activity: see {@link PastedBlock}. */
	@PostMapping("/paste")
	@PreAuthorize(WRITERS)
	WeekGrid paste(@AuthenticationPrincipal CurrentUser user, @PathVariable LocalDate weekStart,
			@Valid @RequestBody PastedRows pasted) {
		return timesheets.paste(user, weekStart, pasted);
	}

	@ExceptionHandler(GridInputException.class)
	ResponseEntity<ProblemDetail> unreadable(GridInputException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.field() + ": " + ex.getMessage());
		problem.setTitle("Invalid input");
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		return ResponseEntity.badRequest().body(problem);
	}
}
