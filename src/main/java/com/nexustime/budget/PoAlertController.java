package com.nexustime.budget;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The purchase-order alerts a project raised, newest first, with their follow-up outcome. */
@RestController
class PoAlertController {

	private final PoAlerts alerts;

	PoAlertController(PoAlerts alerts) {
		this.alerts = alerts;
	}

	@GetMapping("/api/v1/projects/{projectId}/po-alerts")
	List<PoAlert> ofProject(@PathVariable long projectId) {
		return alerts.ofProject(projectId);
	}
}
