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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/contacts")
class ContactApiController {

	private final ContactService contacts;

	ContactApiController(ContactService contacts) {
		this.contacts = contacts;
	}

	@GetMapping
	List<Contact> list() {
		return contacts.list();
	}

	@GetMapping("/{id}")
	Contact get(@PathVariable Long id) {
		return contacts.get(id);
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
	ResponseEntity<Contact> create(@Valid @RequestBody ContactForm form) {
		Contact created = contacts.create(form);
		return ResponseEntity.created(URI.create("/api/v1/contacts/" + created.id())).body(created);
	}

	@PatchMapping("/{id}")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
	Contact change(@PathVariable Long id, @Valid @RequestBody ContactChanges changes) {
		return contacts.change(id, changes);
	}
}
