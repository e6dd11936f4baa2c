package com.nexustime.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Incident;

import org.springframework.stereotype.Service;

/**
 * Where one process instance has been and where it stands: its steps from the engine's history, the steps
 * active now, and the incidents that stopped it. Shown on the pages of the thing the process runs for, with the
 * diagram drawn by {@link ProcessDiagram}.
 */
@Service
public class ProcessTrail {

	/** One step taken, as the API shows it. */
	public record Step(String activity, String activityId, String type, Instant startedAt, Instant endedAt,
			String assignee, String completedBy) {
	}

	/** A failure that outlived its retries: the step it stopped at and the engine's message. */
	public record StuckStep(String activityId, String activity, String message, Instant at) {
	}

	/** The whole trail, with the diagram highlighted: done steps, current steps and stuck steps. */
	public record Trail(String processInstanceId, String processName, int version, boolean ended, List<Step> steps,
			List<StuckStep> incidents, String diagramSvg) {
	}

	private final HistoryService history;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	ProcessTrail(HistoryService history, RuntimeService runtime, RepositoryService repository) {
		this.history = history;
		this.runtime = runtime;
		this.repository = repository;
	}

	/** The steps of the instance, oldest first; empty when the engine never knew it (or its history was removed). */
	public List<Step> steps(String processInstanceId) {
		if (processInstanceId == null) {
			return List.of();
		}
		HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId).singleResult();
		if (instance == null) {
			return List.of();
		}
		Map<String, String> completedBy = new HashMap<>();
		history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list()
			.forEach(t -> completedBy.put(t.getId(), "completed".equals(t.getDeleteReason()) ? t.getAssignee() : null));
		List<Step> steps = new ArrayList<>();
		for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
			.processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc()
			.orderPartiallyByOccurrence().asc().list()) {
			String by = null;
			if ("startEvent".equals(a.getActivityType())) {
				by = instance.getStartUserId();
			}
			else if (a.getTaskId() != null) {
				by = completedBy.get(a.getTaskId());
			}
			steps.add(new Step(a.getActivityName(), a.getActivityId(), a.getActivityType(), instant(a.getStartTime()),
					instant(a.getEndTime()), a.getAssignee(), by));
		}
		return steps;
	}

	/** Open incidents of the instance, for a warning on the page. */
	public List<StuckStep> incidents(String processInstanceId) {
		if (processInstanceId == null) {
			return List.of();
		}
		List<StuckStep> stuck = new ArrayList<>();
		for (Incident incident : runtime.createIncidentQuery().processInstanceId(processInstanceId).list()) {
			stuck.add(new StuckStep(incident.getActivityId(), incident.getActivityId(), incident.getIncidentMessage(),
					instant(incident.getIncidentTimestamp())));
		}
		return stuck;
	}

	/** Steps, incidents and the highlighted diagram; {@code null} when the engine does not know the instance. */
	public Trail trail(String processInstanceId) {
		if (processInstanceId == null) {
			return null;
		}
		HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId).singleResult();
		if (instance == null) {
			return null;
		}
		List<Step> steps = steps(processInstanceId);
		List<StuckStep> incidents = incidents(processInstanceId);
		boolean ended = instance.getEndTime() != null;
		Set<String> current = new LinkedHashSet<>();
		if (!ended) {
			current.addAll(runtime.getActiveActivityIds(processInstanceId));
		}
		Set<String> done = new LinkedHashSet<>();
		Set<String> visited = new LinkedHashSet<>();
		for (Step step : steps) {
			visited.add(step.activityId());
			if (step.endedAt() != null) {
				done.add(step.activityId());
			}
		}
		Set<String> failed = new LinkedHashSet<>();
		incidents.forEach(i -> failed.add(i.activityId()));
		// an asynchronous step whose job keeps failing has not started yet: it is where the instance stands
		current.addAll(failed);
		var definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
		String svg = ProcessDiagram.render(repository.getBpmnModelInstance(definition.getId()), done, current, failed,
				visited);
		return new Trail(processInstanceId, definition.getName() == null ? definition.getKey() : definition.getName(),
				definition.getVersion(), ended, steps, incidents, svg);
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}
}
