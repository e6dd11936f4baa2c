package com.nexustime.crm;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/deals")
class DealApiController {

	private final DealService deals;

	DealApiController(DealService deals) {
		this.deals = deals;
	}

	@GetMapping
	List<Deal> list(@RequestParam(required = false) Long contactId) {
		return deals.list(contactId);
	}

	@GetMapping("/{id}")
	Deal get(@PathVariable Long id) {
		return deals.get(id);
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
	ResponseEntity<Deal> create(@Valid @RequestBody DealForm form) {
		Deal created = deals.create(form);
		return ResponseEntity.created(URI.create("/api/v1/deals/" + created.id())).body(created);
	}

	@PatchMapping("/{id}")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
	Deal change(@PathVariable Long id, @Valid @RequestBody DealChanges changes) {
		return deals.change(id, changes);
	}
}
