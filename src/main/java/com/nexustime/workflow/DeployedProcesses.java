package com.nexustime.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;

import org.springframework.stereotype.Service;

/**
 * The processes the engine runs, for the process owner's page: the latest version of each, every version with
 * its deployment and running instances, the latest diagram, and which user tasks name which form.
 */
@Service
public class DeployedProcesses {

	/** The latest version of one process and the deployment that brought it. */
	public record DeployedProcess(String key, String name, int version, String resource, String deploymentName,
			Instant deployedAt) {
	}

	/** One version of a process: where it came from and how many instances still run on it. */
	public record Version(String definitionId, int version, String resource, String deploymentName,
			String deploymentSource, Instant deployedAt, long running) {
	}

	/** A process with all its versions, newest first, and the latest version's diagram (nothing highlighted). */
	public record ProcessVersions(String key, String name, List<Version> versions, String diagramSvg) {

		public Version latest() {
			return versions.get(0);
		}

		public long running() {
			return versions.stream().mapToLong(Version::running).sum();
		}
	}

	/** A user task of a latest process version that names a form. */
	public record FormUse(String processKey, String processName, String taskId, String taskName) {
	}

	private final RepositoryService repository;

	private final RuntimeService runtime;

	DeployedProcesses(RepositoryService repository, RuntimeService runtime) {
		this.repository = repository;
		this.runtime = runtime;
	}

	/** Every process with every version, by key; running counts are the instances not yet ended. */
	public List<ProcessVersions> allVersions() {
		List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
			.orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc().list();
		Map<String, Deployment> deployments = deployments(definitions);
		Map<String, List<ProcessDefinition>> byKey = definitions.stream()
			.collect(Collectors.groupingBy(ProcessDefinition::getKey, java.util.TreeMap::new, Collectors.toList()));
		List<ProcessVersions> processes = new java.util.ArrayList<>();
		byKey.forEach((key, versions) -> {
			ProcessDefinition latest = versions.get(0);
			List<Version> rows = versions.stream().map(d -> {
				Deployment deployment = deployments.get(d.getDeploymentId());
				return new Version(d.getId(), d.getVersion(), d.getResourceName(),
						deployment == null ? null : deployment.getName(), deployment == null ? null : deployment.getSource(),
						deployment == null || deployment.getDeploymentTime() == null ? null
								: deployment.getDeploymentTime().toInstant(),
						runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count());
			}).toList();
			String svg = ProcessDiagram.render(repository.getBpmnModelInstance(latest.getId()), Set.of(), Set.of(),
					Set.of(), Set.of());
			processes.add(new ProcessVersions(key, latest.getName() == null ? key : latest.getName(), rows, svg));
		});
		return processes;
	}

	/** Form key → the user tasks of the latest process versions that use it. */
	public Map<String, List<FormUse>> formUses() {
		Map<String, List<FormUse>> uses = new java.util.TreeMap<>();
		for (ProcessDefinition d : repository.createProcessDefinitionQuery().latestVersion()
			.orderByProcessDefinitionKey().asc().list()) {
			BpmnModelInstance model = repository.getBpmnModelInstance(d.getId());
			for (UserTask task : model.getModelElementsByType(UserTask.class)) {
				if (task.getCamundaFormKey() != null) {
					uses.computeIfAbsent(task.getCamundaFormKey(), k -> new java.util.ArrayList<>())
						.add(new FormUse(d.getKey(), d.getName() == null ? d.getKey() : d.getName(), task.getId(),
								task.getName() == null ? task.getId() : task.getName()));
				}
			}
		}
		return uses;
	}

	private Map<String, Deployment> deployments(List<ProcessDefinition> definitions) {
		return definitions.stream().map(ProcessDefinition::getDeploymentId).distinct()
			.map(id -> repository.createDeploymentQuery().deploymentId(id).singleResult())
			.filter(Objects::nonNull)
			.collect(Collectors.toMap(Deployment::getId, Function.identity()));
	}

	public List<DeployedProcess> latestVersions() {
		List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
			.latestVersion()
			.orderByProcessDefinitionKey().asc()
			.list();
		if (definitions.isEmpty()) {
			return List.of();
		}
		Map<String, Deployment> deployments = deployments(definitions);
		return definitions.stream().map(d -> {
			Deployment deployment = deployments.get(d.getDeploymentId());
			return new DeployedProcess(d.getKey(), d.getName() == null ? d.getKey() : d.getName(), d.getVersion(),
					d.getResourceName(), deployment == null ? null : deployment.getName(),
					deployment == null || deployment.getDeploymentTime() == null ? null
							: deployment.getDeploymentTime().toInstant());
		}).toList();
	}
}
