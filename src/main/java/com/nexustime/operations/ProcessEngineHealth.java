package com.nexustime.operations;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import com.nexustime.workflow.EngineStatus;

/**
 * The process engine as readiness sees it ({@code processEngine}): it reaches its tables, and its job executor
 * runs wherever the configuration says it should (a node without one takes requests, but its timers and mails
 * wait for another node).
 */
@Component("processEngineHealthIndicator")
class ProcessEngineHealth implements HealthIndicator {

	private final EngineStatus engine;

	ProcessEngineHealth(EngineStatus engine) {
		this.engine = engine;
	}

	@Override
	public Health health() {
		EngineStatus.Engine status = engine.check();
		Health.Builder health = status.healthy() ? Health.up() : Health.down();
		return health.withDetail("engine", status.name())
			.withDetail("jobExecutor", !status.jobExecutorConfigured() ? "off by configuration"
					: status.jobExecutorActive() ? "active" : "stopped")
			.build();
	}
}
