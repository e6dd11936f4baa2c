package com.nexustime.workflow;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.nexustime.workflow.DataFolder.DataFile;

/**
 * Deploys the BPMN diagrams of the processes folder once the engine is built, as one deployment named
 * {@value #DEPLOYMENT_NAME}. Resources are named relative to the folder and duplicates are filtered, so a
 * restart with unchanged files deploys nothing, and a changed file becomes a new version of its process
 * only (running instances stay on the version they started with).
 */
@Component
class ProcessDeployer extends AbstractProcessEnginePlugin {

	static final String DEPLOYMENT_NAME = "nexus-processes";

	static final String SOURCE = "nexus-time";

	private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

	private final DataFolder folder;

	ProcessDeployer(@Value("${nexus.processes-path:processes}") String path) {
		this.folder = DataFolder.of(path, "processes");
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		deploy(engine.getRepositoryService(), folder, DEPLOYMENT_NAME);
	}

	/**
	 * Deploys the {@code .bpmn} files of {@code folder} under {@code name}; empty when every file is already
	 * deployed unchanged (or there is none). A diagram the engine cannot parse fails with the engine's message.
	 */
	static Optional<DeploymentWithDefinitions> deploy(RepositoryService repository, DataFolder folder, String name) {
		List<DataFile> diagrams = folder.files(".bpmn");
		if (diagrams.isEmpty()) {
			log.warn("No BPMN files in {}; nothing deployed", folder.location());
			return Optional.empty();
		}
		DeploymentBuilder builder = repository.createDeployment()
			.name(name)
			.source(SOURCE)
			.enableDuplicateFiltering(true);
		diagrams.forEach(d -> builder.addInputStream(d.name(), new ByteArrayInputStream(d.content())));
		String previous = latestDeploymentId(repository, name);
		DeploymentWithDefinitions deployment = builder.deployWithResult();
		List<String> names = diagrams.stream().map(DataFile::name).toList();
		if (deployment.getId().equals(previous)) {
			log.info("Processes in {} unchanged since deployment {}: {}", folder.location(), previous, names);
			return Optional.empty();
		}
		List<ProcessDefinition> definitions = deployment.getDeployedProcessDefinitions() == null ? List.of()
				: deployment.getDeployedProcessDefinitions();
		log.info("Deployed from {} as deployment {}: {}", folder.location(), deployment.getId(),
				definitions.stream().map(d -> d.getKey() + " v" + d.getVersion() + " (" + d.getResourceName() + ")")
					.toList());
		return Optional.of(deployment);
	}

	private static String latestDeploymentId(RepositoryService repository, String name) {
		return repository.createDeploymentQuery().deploymentName(name).orderByDeploymentTime().desc()
			.listPage(0, 1).stream().findFirst().map(d -> d.getId()).orElse(null);
	}
}
