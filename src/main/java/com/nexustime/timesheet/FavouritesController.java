package com.nexustime.timesheet;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.nexustime.system.security.CurrentUser;

/** The caller's starred project × activity pairs, which the grid adds as a row in one click. */
@RestController
@RequestMapping("/api/v1/favourites")
class FavouritesController {

	private static final String WRITERS = "hasAnyRole('STAFF','MANAGER','ADMIN')";

	private final TimesheetService timesheets;

	FavouritesController(TimesheetService timesheets) {
		this.timesheets = timesheets;
	}

	@GetMapping
	List<TimesheetService.Favourite> list(@AuthenticationPrincipal CurrentUser user) {
		return timesheets.favourites(user);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(WRITERS)
	List<TimesheetService.Favourite> add(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody FavouriteRequest pair) {
		return timesheets.addFavourite(user, pair);
	}

	@DeleteMapping("/{projectId}/{activityId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize(WRITERS)
	void remove(@AuthenticationPrincipal CurrentUser user, @PathVariable long projectId, @PathVariable long activityId) {
		timesheets.removeFavourite(user, projectId, activityId);
	}
}
