package com.nexustime.dashboard;

import jakarta.validation.constraints.Pattern;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.nexustime.system.security.CurrentUser;

/** {@code GET /api/v1/dashboard}: the caller's dashboard; {@code sort} and {@code dir} order its projects. */
@RestController
@Validated
class DashboardApiController {

	private final Dashboard dashboard;

	DashboardApiController(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/api/v1/dashboard")
	DashboardView dashboard(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(defaultValue = "name") @Pattern(regexp = ProjectSort.NAMES,
					message = "must be one of " + ProjectSort.NAMES) String sort,
			@RequestParam(defaultValue = "asc") @Pattern(regexp = "asc|desc", message = "must be asc or desc") String dir) {
		return dashboard.of(user, ProjectSort.named(sort).orElseThrow(), "desc".equals(dir));
	}
}
