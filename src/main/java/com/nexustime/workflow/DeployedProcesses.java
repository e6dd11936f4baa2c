package com.nexustime.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import org.springframework.stereotype.Service;

/** The processes the engine runs: the latest version of each, for the admin pages. */
@Service
public class DeployedProcesses {

	/** The latest version of one process and the deployment that brought it. */
	public record DeployedProcess(String key, String name, int version, String resource, String deploymentName,
			Instant deployedAt) {
	}

	private final RepositoryService repository;

	DeployedProcesses(RepositoryService repository) {
		this.repository = repository;
	}

	public List<DeployedProcess> latestVersions() {
		List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
			.latestVersion()
			.orderByProcessDefinitionKey().asc()
			.list();
		if (definitions.isEmpty()) {
			return List.of();
		}
		Map<String, Deployment> deployments = definitions.stream().map(ProcessDefinition::getDeploymentId).distinct()
			.map(id -> repository.createDeploymentQuery().deploymentId(id).singleResult())
			.filter(Objects::nonNull)
			.collect(Collectors.toMap(Deployment::getId, Function.identity()));
		return definitions.stream().map(d -> {
			Deployment deployment = deployments.get(d.getDeploymentId());
			return new DeployedProcess(d.getKey(), d.getName() == null ? d.getKey() : d.getName(), d.getVersion(),
					d.getResourceName(), deployment == null ? null : deployment.getName(),
					deployment == null || deployment.getDeploymentTime() == null ? null
							: deployment.getDeploymentTime().toInstant());
		}).toList();
	}
}
