package com.nexustime.audit;

import java.util.List;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
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

	private static final String BOUND = "a day (UTC, whole day) or an instant such as 2026-11-23T09:00:00Z";

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping
	List<AuditEntry> search(@RequestParam(required = false) String entityType,
			@RequestParam(required = false) String entityId, @RequestParam(required = false) String actor,
			@Parameter(schema = @Schema(type = "string", example = "2026-11-01"), description = BOUND)
			@RequestParam(required = false) TimeBound from,
			@Parameter(schema = @Schema(type = "string", example = "2026-11-30"), description = BOUND)
			@RequestParam(required = false) TimeBound to,
			@RequestParam(defaultValue = "" + AuditQuery.DEFAULT_LIMIT) @Min(1) @Max(AuditQuery.MAX_LIMIT) int limit) {
		return trail.search(new AuditQuery(entityType, entityId, actor, from == null ? null : from.asStart(),
				to == null ? null : to.asEndExclusive(), limit));
	}

	@GetMapping("/verify")
	ChainVerification verify() {
		return trail.verify();
	}
}
