package com.nexustime.workspace;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/workspace")
class WorkspaceController {

	private final WorkspaceSettings settings;

	WorkspaceController(WorkspaceSettings settings) {
		this.settings = settings;
	}

	@GetMapping
	Workspace get() {
		return settings.current();
	}

	@PutMapping
	@PreAuthorize("hasRole('ADMIN')")
	Workspace update(@Valid @RequestBody WorkspaceForm form) {
		return settings.update(form);
	}
}
