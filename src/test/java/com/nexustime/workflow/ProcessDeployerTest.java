package com.nexustime.workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Deploying the processes folder against the running engine: stable names, no duplicates, new versions. */
class ProcessDeployerTest extends IntegrationTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@TempDir
	Path folder;

	@Test
	void startUpDeployedTheFolderWithNamesRelativeToIt() {
		List<Deployment> deployments = repository.createDeploymentQuery()
			.deploymentName(ProcessDeployer.DEPLOYMENT_NAME).list();
		assertThat(deployments).isNotEmpty();
		List<String> names = deployments.stream()
			.flatMap(d -> repository.getDeploymentResources(d.getId()).stream())
			.map(Resource::getName).toList();
		assertThat(names).contains("weekly-timesheet.bpmn").allSatisfy(n -> assertThat(n).doesNotContain(":", "\\")
			.doesNotStartWith("/"));
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("weekly-timesheet").latestVersion()
			.singleResult().getResourceName()).isEqualTo("weekly-timesheet.bpmn");
	}

	@Test
	void restartWithUnchangedFolderDeploysNothing() {
		long deployments = countDeployments(ProcessDeployer.DEPLOYMENT_NAME);

		new ProcessDeployer("processes").postProcessEngineBuild(engine);

		assertThat(countDeployments(ProcessDeployer.DEPLOYMENT_NAME)).isEqualTo(deployments);
	}

	@Test
	void sameFilesFromAnotherDirectoryDeployNothingNew() throws Exception {
		for (Path file : Files.list(Path.of("processes")).toList()) {
			Files.copy(file, folder.resolve(file.getFileName()));
		}
		long deployments = countDeployments(ProcessDeployer.DEPLOYMENT_NAME);
		long versions = versionsOf("weekly-timesheet");

		assertThat(ProcessDeployer.deploy(repository, DataFolder.directory(folder), ProcessDeployer.DEPLOYMENT_NAME))
			.isEmpty();
		assertThat(ProcessDeployer.deploy(repository, DataFolder.directory(folder), ProcessDeployer.DEPLOYMENT_NAME))
			.isEmpty();

		assertThat(countDeployments(ProcessDeployer.DEPLOYMENT_NAME)).isEqualTo(deployments);
		assertThat(versionsOf("weekly-timesheet")).isEqualTo(versions);
	}

	@Test
	void changedFileBecomesANewVersionWhileRunningInstancesKeepTheirs() throws Exception {
		// a process and deployment of the test's own, so the shared engine's real processes keep their versions
		String key = "deployer-test-" + UUID.randomUUID();
		String deploymentName = "deployer-test-" + UUID.randomUUID();
		Files.createDirectories(folder.resolve("nested"));
		Files.writeString(folder.resolve("nested/waiting.bpmn"), diagram(key, "Wait for a decision"));
		try {
			assertThat(ProcessDeployer.deploy(repository, DataFolder.directory(folder), deploymentName)).isPresent();
			ProcessInstance onFirstVersion = runtime.startProcessInstanceByKey(key);
			assertThat(ProcessDeployer.deploy(repository, DataFolder.directory(folder), deploymentName)).isEmpty();
			assertThat(versionsOf(key)).isEqualTo(1);

			Files.writeString(folder.resolve("nested/waiting.bpmn"), diagram(key, "Wait for the decision"));
			var second = ProcessDeployer.deploy(repository, DataFolder.directory(folder), deploymentName);

			assertThat(second).isPresent();
			assertThat(countDeployments(deploymentName)).isEqualTo(2);
			var latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
				.singleResult();
			assertThat(latest.getVersion()).isEqualTo(2);
			assertThat(latest.getResourceName()).isEqualTo("nested/waiting.bpmn");
			ProcessInstance stillRunning = runtime.createProcessInstanceQuery()
				.processInstanceId(onFirstVersion.getId()).singleResult();
			assertThat(repository.getProcessDefinition(stillRunning.getProcessDefinitionId()).getVersion()).isEqualTo(1);
			assertThat(runtime.startProcessInstanceByKey(key).getProcessDefinitionId()).isEqualTo(latest.getId());
		}
		finally {
			repository.createDeploymentQuery().deploymentName(deploymentName).list()
				.forEach(d -> repository.deleteDeployment(d.getId(), true));
		}
	}

	private long countDeployments(String name) {
		return repository.createDeploymentQuery().deploymentName(name).count();
	}

	private long versionsOf(String key) {
		return repository.createProcessDefinitionQuery().processDefinitionKey(key).count();
	}

	private static String diagram(String key, String taskName) {
		var model = Bpmn.createExecutableProcess(key).name("Deployer test").camundaHistoryTimeToLive(1)
			.startEvent("Start").name("Started")
			.userTask("Decide").name(taskName)
			.endEvent("End").name("Ended")
			.done();
		return Bpmn.convertToString(model);
	}
}
