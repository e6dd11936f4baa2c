package com.nexustime.finance;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.nexustime.system.security.CurrentUser;

/** A project's finances: the summary, the dollars grid, the timesheet list, and an admin's finalization. */
@RestController
@RequestMapping("/api/v1/projects/{id}")
@Validated
class ProjectFinanceApiController {

	static final String READERS = "hasAnyRole('ADMIN','MANAGER','AUDITOR')";

	private final ProjectFinances finances;

	private final ProjectTimesheet timesheet;

	private final EntryFinalization finalization;

	ProjectFinanceApiController(ProjectFinances finances, ProjectTimesheet timesheet, EntryFinalization finalization) {
		this.finances = finances;
		this.timesheet = timesheet;
		this.finalization = finalization;
	}

	@GetMapping("/summary")
	@PreAuthorize(READERS)
	ProjectSummary summary(@PathVariable long id) {
		return finances.summary(id);
	}

	@GetMapping("/dollars")
	@PreAuthorize(READERS)
	ProjectFinances.DollarsPage dollars(@PathVariable long id, @RequestParam(defaultValue = "false") boolean hideZero,
			@RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
			@RequestParam(defaultValue = "100") @Min(value = 1, message = "must be at least 1")
			@Max(value = ProjectFinances.MAX_PAGE_SIZE, message = "must be at most 500") int size) {
		return finances.dollars(id, hideZero, page, size);
	}

	@GetMapping("/timesheet")
	@PreAuthorize(READERS)
	ProjectTimesheet.Listing timesheet(@PathVariable long id, @RequestParam(required = false) String tab,
			@AuthenticationPrincipal CurrentUser viewer) {
		TimesheetTab chosen = tab == null ? TimesheetTab.REGULAR : TimesheetTab.named(tab)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"tab: must be one of regular, fixed-costs, adjustments, fixed-budget"));
		return timesheet.list(id, chosen, viewer);
	}

	record FinalizeRequest(@NotNull(message = "is required") LocalDate through) {
	}

	@PostMapping("/finalize")
	@PreAuthorize("hasRole('ADMIN')")
	EntryFinalization.Finalized finalizeEntries(@PathVariable long id, @Valid @RequestBody FinalizeRequest request) {
		return finalization.finalizeThrough(id, request.through());
	}
}
