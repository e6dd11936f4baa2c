package com.nexustime.audit;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
class AuditController {

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping
	List<AuditEntry> search(@RequestParam(required = false) String entityType,
			@RequestParam(required = false) String entityId, @RequestParam(required = false) String actor,
			@RequestParam(required = false) TimeBound from, @RequestParam(required = false) TimeBound to,
			@RequestParam(defaultValue = "" + AuditQuery.DEFAULT_LIMIT) @Min(1) @Max(AuditQuery.MAX_LIMIT) int limit) {
		return trail.search(new AuditQuery(entityType, entityId, actor, from == null ? null : from.asStart(),
				to == null ? null : to.asEndExclusive(), limit));
	}

	@GetMapping("/verify")
	ChainVerification verify() {
		return trail.verify();
	}
}
