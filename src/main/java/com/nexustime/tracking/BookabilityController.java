package com.nexustime.tracking;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.nexustime.catalog.Activity;
import com.nexustime.catalog.ActivityService;

/** What the pickers offer (entry form, weekly grid, header timer): exactly what the rules let time be booked on. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('STAFF','MANAGER','ADMIN')")
class BookabilityController {

	private final Bookability bookability;

	private final ActivityService activities;

	BookabilityController(Bookability bookability, ActivityService activities) {
		this.bookability = bookability;
		this.activities = activities;
	}

	@GetMapping("/projects/available")
	List<Bookability.ProjectChoice> projects() {
		return bookability.projects();
	}

	@GetMapping("/activities/available")
	List<Bookability.ActivityChoice> activities(@RequestParam long projectId) {
		return bookability.activities(projectId);
	}

	/**
	 * The catalog's view of the same answer: the activities time may be booked on for a project, as full
	 * activity records, for anyone signed in (as the other catalog reads). {@link Bookability} decides which;
	 * 404 for no such project.
	 */
	@GetMapping("/projects/{id}/activities")
	@PreAuthorize("isAuthenticated()")
	List<Activity> projectActivities(@PathVariable long id) {
		Set<Long> bookable = bookability.activities(id).stream().map(Bookability.ActivityChoice::id)
			.collect(Collectors.toSet());
		return activities.list().stream().filter(a -> bookable.contains(a.id())).toList();
	}
}
