package com.nexustime.workflow;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What an operator asks of the process engine: whether it answers, whether its job executor runs, and how much
 * work waits for it. Each answer is one query on the engine's runtime tables (which hold only jobs not yet done).
 */
@Service
public class EngineStatus {

	/** The engine's answer to a liveness question: its name, and whether the job executor runs as configured. */
	public record Engine(String name, boolean jobExecutorConfigured, boolean jobExecutorActive) {

		/** A node whose configuration runs jobs but whose executor stopped can take requests but no timers. */
		public boolean healthy() {
			return !jobExecutorConfigured || jobExecutorActive;
		}
	}

	private final ProcessEngine engine;

	private final ManagementService management;

	private final boolean jobExecutionEnabled;

	EngineStatus(ProcessEngine engine, @Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecutionEnabled) {
		this.engine = engine;
		this.management = engine.getManagementService();
		this.jobExecutionEnabled = jobExecutionEnabled;
	}

	/**
	 * Asks the engine something that needs its database (its small property table), so that an engine that cannot
	 * reach its tables fails here.
	 */
	public Engine check() {
		management.getProperties();
		JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
		return new Engine(engine.getName(), jobExecutionEnabled, executor != null && executor.isActive());
	}

	/** Jobs that are due and may still run (retries left, not suspended) but no executor has finished yet. */
	public long jobsDue() {
		return management.createJobQuery().executable().count();
	}

	/** Jobs that failed and have no retries left: they wait for an operator (Cockpit shows them as incidents). */
	public long jobsFailed() {
		return management.createJobQuery().noRetriesLeft().count();
	}
}
