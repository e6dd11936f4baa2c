package com.nexustime.tracking;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the pickers offer (entry form, weekly grid, header timer): exactly what the rules let time be booked on. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('STAFF','MANAGER','ADMIN')")
class BookabilityController {

	private final Bookability bookability;

	BookabilityController(Bookability bookability) {
		this.bookability = bookability;
	}

	@GetMapping("/projects/available")
	List<Bookability.ProjectChoice> projects() {
		return bookability.projects();
	}

	@GetMapping("/activities/available")
	List<Bookability.ActivityChoice> activities(@RequestParam long projectId) {
		return bookability.activities(projectId);
	}
}
