package com.nexustime.catalog;

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
import org.springframework.web.bind.annotation.RestController;

/** Activities and vendors: everyone reads them, only administrators change them. */
@RestController
@RequestMapping("/api/v1")
class CatalogApiController {

	private final ActivityService activities;

	private final VendorService vendors;

	CatalogApiController(ActivityService activities, VendorService vendors) {
		this.activities = activities;
		this.vendors = vendors;
	}

	@GetMapping("/activities")
	List<Activity> activities() {
		return activities.list();
	}

	@GetMapping("/activities/{id}")
	Activity activity(@PathVariable Long id) {
		return activities.get(id);
	}

	@PostMapping("/activities")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Activity> createActivity(@Valid @RequestBody ActivityForm form) {
		Activity created = activities.create(form);
		return ResponseEntity.created(URI.create("/api/v1/activities/" + created.id())).body(created);
	}

	@PatchMapping("/activities/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	Activity changeActivity(@PathVariable Long id, @Valid @RequestBody ActivityChanges changes) {
		return activities.change(id, changes);
	}

	@GetMapping("/vendors")
	List<Vendor> vendors() {
		return vendors.list();
	}

	@GetMapping("/vendors/{id}")
	Vendor vendor(@PathVariable Long id) {
		return vendors.get(id);
	}

	@PostMapping("/vendors")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Vendor> createVendor(@Valid @RequestBody VendorForm form) {
		Vendor created = vendors.create(form);
		return ResponseEntity.created(URI.create("/api/v1/vendors/" + created.id())).body(created);
	}

	@PatchMapping("/vendors/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	Vendor changeVendor(@PathVariable Long id, @Valid @RequestBody VendorChanges changes) {
		return vendors.change(id, changes);
	}
}
