package com.nexustime.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;

/**
 * The Monday rush: many people submit a week and their manager approves each one, through the app's API,
 * beside the same BPMN ({@code processes/weekly-timesheet.bpmn}) in a bare engine whose delegates do nothing,
 * on the same PostgreSQL (a database of its own).
 */
final class Flows {

	/** Every delegate and task listener of the diagram, doing nothing. */
	static final class NoOp implements JavaDelegate, TaskListener {

		@Override
		public void execute(DelegateExecution execution) {
		}

		@Override
		public void notify(DelegateTask task) {
		}
	}

	record Rush(int weeks, double submitSeconds, double approveSeconds, long errors, String firstError) {

		double seconds() {
			return submitSeconds + approveSeconds;
		}

		double flowsPerSecond() {
			return weeks / seconds();
		}
	}

	private Flows() {
	}

	/* Submits every person's week in parallel, then the manager approves every waiting task in parallel. */
	static Rush throughTheApi(Http http, String managerToken, List<String> peopleTokens, LocalDate week, int threads)
			throws Exception {
		AtomicInteger errors = new AtomicInteger();
		ConcurrentLinkedQueue<String> firstError = new ConcurrentLinkedQueue<>();
		long started = System.nanoTime();
		parallel(threads, peopleTokens.size(), i -> http.send(Http.bearer(peopleTokens.get(i)), "POST",
				"/api/v1/timesheets/" + week + "/submit", null, 202), errors, firstError);
		double submit = (System.nanoTime() - started) / 1e9;
		long approving = System.nanoTime();
		JsonNode tasks = http.getJson(Http.bearer(managerToken), "/api/v1/tasks");
		List<String> reviews = new ArrayList<>();
		tasks.forEach(t -> {
			if ("weekly-timesheet".equals(t.path("processDefinitionKey").asText())) {
				reviews.add(t.get("id").asText());
			}
		});
		parallel(threads, reviews.size(), i -> http.send(Http.bearer(managerToken), "POST",
				"/api/v1/tasks/" + reviews.get(i) + "/complete", Map.of("approved", true), 204), errors, firstError);
		double approve = (System.nanoTime() - approving) / 1e9;
		if (reviews.size() != peopleTokens.size()) {
			errors.addAndGet(Math.abs(peopleTokens.size() - reviews.size()));
			firstError.add("expected " + peopleTokens.size() + " review tasks, found " + reviews.size());
		}
		return new Rush(reviews.size(), submit, approve, errors.get(), firstError.peek());
	}

	/* The same two steps in a bare engine: start the process, then complete its review task with approved=true. */
	static Rush inABareEngine(String jdbcUrl, String user, String password, int weeks, int threads) throws Exception {
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setJdbcUrl(jdbcUrl).setJdbcUsername(user).setJdbcPassword(password)
			.setJdbcDriver("org.postgresql.Driver").setDatabaseSchemaUpdate("true").setHistory("full")
			.setJobExecutorActivate(false).setJdbcMaxActiveConnections(20)
			.setProcessEngineName("bench-bare-" + System.nanoTime());
		NoOp noOp = new NoOp();
		Map<Object, Object> beans = new HashMap<>();
		// every bean the diagram names (delegates and listeners) is a no-op here
		String diagram = java.nio.file.Files.readString(Path.of("processes", "weekly-timesheet.bpmn"));
		java.util.regex.Matcher named = java.util.regex.Pattern.compile("delegateExpression=\"\\$\\{(\\w+)\\}\"")
			.matcher(diagram);
		while (named.find()) {
			beans.put(named.group(1), noOp);
		}
		((ProcessEngineConfigurationImpl) configuration).setBeans(beans);
		ProcessEngine engine = configuration.buildProcessEngine();
		try {
			engine.getRepositoryService().createDeployment().name("bench")
				.addInputStream("weekly-timesheet.bpmn",
						java.nio.file.Files.newInputStream(Path.of("processes", "weekly-timesheet.bpmn")))
				.deploy();
			AtomicInteger errors = new AtomicInteger();
			ConcurrentLinkedQueue<String> firstError = new ConcurrentLinkedQueue<>();
			String[] instances = new String[weeks];
			long started = System.nanoTime();
			parallel(threads, weeks, i -> {
				Map<String, Object> variables = new HashMap<>();
				variables.put("userId", String.valueOf(i));
				variables.put("userName", "Person " + i);
				variables.put("weekStart", "2026-11-30");
				variables.put("managerId", "1");
				variables.put("reviewReminderAfter", "P2D");
				instances[i] = engine.getRuntimeService()
					.startProcessInstanceByKey("weekly-timesheet", "bench:" + i + ":" + System.nanoTime(), variables)
					.getId();
			}, errors, firstError);
			double submit = (System.nanoTime() - started) / 1e9;
			long approving = System.nanoTime();
			parallel(threads, weeks, i -> {
				Task task = engine.getTaskService().createTaskQuery().processInstanceId(instances[i]).singleResult();
				engine.getTaskService().complete(task.getId(), Map.of("approved", true));
			}, errors, firstError);
			double approve = (System.nanoTime() - approving) / 1e9;
			return new Rush(weeks, submit, approve, errors.get(), firstError.peek());
		}
		finally {
			engine.close();
		}
	}

	interface Step {
		void run(int index) throws Exception;
	}

	/* Runs step(0 … count-1) on a few threads, each index once; bounded by a generous deadline. */
	private static void parallel(int threads, int count, Step step, AtomicInteger errors,
			ConcurrentLinkedQueue<String> firstError) throws InterruptedException {
		AtomicInteger next = new AtomicInteger();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					try {
						step.run(i);
					}
					catch (Exception ex) {
						errors.incrementAndGet();
						firstError.add(String.valueOf(ex.getMessage()));
					}
				}
			});
			worker.setDaemon(true);
			worker.start();
			workers.add(worker);
		}
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		for (Thread worker : workers) {
			worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
		}
	}
}
