package com.nexustime.workflow;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.IntegrationTest;
import com.nexustime.support.ModelerDeployment;
import com.nexustime.support.TestUsers;
import com.nexustime.support.TestUsers.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda Modeler's deploy button: a multipart {@code POST /engine-rest/deployment/create} with HTTP Basic and
 * the person's Nexus Time login, no CSRF token. Deploys a copy of the real weekly-timesheet diagram with only
 * its name changed, so the behaviour every other test relies on stays the same, and removes it afterwards.
 */
class ModelerDeployTest extends IntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String KEY = "weekly-timesheet";

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Test
	void aProcessOwnerDeploysANewVersionThatNewInstancesUseWhileRunningOnesKeepTheirs() throws Exception {
		TestUser owner = TestUsers.create(jdbc, "PROCESS_OWNER");
		TestUser staff = TestUsers.create(jdbc, "STAFF");
		String deploymentName = "modeler-test-" + UUID.randomUUID();
		String changed = Files.readString(Path.of("processes/weekly-timesheet.bpmn"))
			.replace("name=\"Weekly timesheet\"", "name=\"Weekly timesheet (deployed from Modeler)\"");
		assertThat(changed).contains("(deployed from Modeler)");

		var before = staff.client(api).post("/api/v1/timesheets/2001-01-08/submit", null);
		assertThat(before.status()).as(before.toString()).isEqualTo(202);
		String runningId = before.json().get("processInstanceId").asText();
		int oldVersion = versionOf(runningId);
		try {
			HttpResponse<String> deployed = deploy(basic(owner.email(), TestUsers.PASSWORD), deploymentName, changed);
			assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
			JsonNode definitions = JSON.readTree(deployed.body()).get("deployedProcessDefinitions");
			assertThat(definitions.size()).isEqualTo(1);
			JsonNode definition = definitions.elements().next();
			assertThat(definition.get("key").asText()).isEqualTo(KEY);
			assertThat(definition.get("version").asInt()).isGreaterThan(oldVersion);

			// the same file again with "deploy changed only", as Modeler sends it: nothing new
			HttpResponse<String> again = deploy(basic(owner.email(), TestUsers.PASSWORD), deploymentName, changed);
			assertThat(again.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(again.body()).get("deployedProcessDefinitions").isNull()
					|| JSON.readTree(again.body()).get("deployedProcessDefinitions").isEmpty()).isTrue();

			var after = staff.client(api).post("/api/v1/timesheets/2001-01-15/submit", null);
			assertThat(after.status()).as(after.toString()).isEqualTo(202);
			assertThat(versionOf(after.json().get("processInstanceId").asText()))
				.isEqualTo(definition.get("version").asInt());
			assertThat(versionOf(runningId)).as("the instance started before stays on its version").isEqualTo(oldVersion);
			assertThat(runtime.getActiveActivityIds(runningId)).isNotEmpty();
			assertThat(staff.client(api).post("/api/v1/timesheets/2001-01-08/recall", null).status())
				.as("the old instance still runs its old diagram").isEqualTo(200);
		}
		finally {
			repository.createDeploymentQuery().deploymentName(deploymentName).list()
				.forEach(d -> repository.deleteDeployment(d.getId(), true));
		}
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult()
			.getName()).isEqualTo("Weekly timesheet");
	}

	/** What the README promises about a restart after a Modeler deploy, with and without committing the file. */
	@Test
	void aRestartKeepsTheModelerVersionUntilTheFolderItselfChanges(@TempDir Path folder) throws Exception {
		TestUser owner = TestUsers.create(jdbc, "PROCESS_OWNER");
		String deploymentName = "modeler-restart-test-" + UUID.randomUUID();
		String changed = Files.readString(Path.of("processes/weekly-timesheet.bpmn"))
			.replace("name=\"Weekly timesheet\"", "name=\"Weekly timesheet (restart test)\"");
		String committed = null;
		try {
			assertThat(deploy(basic(owner.email(), TestUsers.PASSWORD), deploymentName, changed).statusCode())
				.isEqualTo(200);
			int modelerVersion = latest().getVersion();

			// restart with processes/ as it was: the folder did not change since the app last deployed it
			assertThat(ProcessDeployer.deploy(repository, DataFolder.directory(Path.of("processes")),
					ProcessDeployer.DEPLOYMENT_NAME)).isEmpty();
			assertThat(latest().getVersion()).isEqualTo(modelerVersion);
			assertThat(latest().getName()).isEqualTo("Weekly timesheet (restart test)");

			// restart after committing the same file to processes/: deployed once more, as the next version
			for (Path file : Files.list(Path.of("processes")).toList()) {
				Files.copy(file, folder.resolve(file.getFileName()));
			}
			Files.writeString(folder.resolve("weekly-timesheet.bpmn"), changed);
			var redeployed = ProcessDeployer.deploy(repository, DataFolder.directory(folder), ProcessDeployer.DEPLOYMENT_NAME);
			assertThat(redeployed).isPresent();
			committed = redeployed.get().getId();
			assertThat(redeployed.get().getDeployedProcessDefinitions()).singleElement()
				.satisfies(d -> assertThat(d.getKey()).isEqualTo(KEY));
			assertThat(latest().getVersion()).isEqualTo(modelerVersion + 1);
			assertThat(latest().getName()).isEqualTo("Weekly timesheet (restart test)");
		}
		finally {
			if (committed != null) {
				repository.deleteDeployment(committed, true);
			}
			repository.createDeploymentQuery().deploymentName(deploymentName).list()
				.forEach(d -> repository.deleteDeployment(d.getId(), true));
		}
		assertThat(latest().getName()).isEqualTo("Weekly timesheet");
		assertThat(ProcessDeployer.deploy(repository, DataFolder.directory(Path.of("processes")),
				ProcessDeployer.DEPLOYMENT_NAME)).isEmpty();
	}

	private org.camunda.bpm.engine.repository.ProcessDefinition latest() {
		return repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
	}

	@Test
	void staffAre403AndAnonymousCallers401() throws Exception {
		TestUser staff = TestUsers.create(jdbc, "STAFF");
		TestUser auditor = TestUsers.create(jdbc, "AUDITOR");
		String diagram = Files.readString(Path.of("processes/week-reminders.bpmn"));
		String name = "modeler-refused-" + UUID.randomUUID();
		assertThat(deploy(basic(staff.email(), TestUsers.PASSWORD), name, diagram).statusCode()).isEqualTo(403);
		assertThat(deploy(basic(auditor.email(), TestUsers.PASSWORD), name, diagram).statusCode()).isEqualTo(403);
		assertThat(deploy(basic(staff.email(), "wrong-password"), name, diagram).statusCode()).isEqualTo(401);
		assertThat(deploy(null, name, diagram).statusCode()).isEqualTo(401);
		assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
	}

	private int versionOf(String processInstanceId) {
		String definitionId = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
			.getProcessDefinitionId();
		return repository.getProcessDefinition(definitionId).getVersion();
	}

	private static String basic(String email, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** The request Camunda Modeler's deploy dialog sends. */
	private HttpResponse<String> deploy(String authorization, String deploymentName, String bpmn)
			throws IOException, InterruptedException {
		return ModelerDeployment.post(port, authorization, deploymentName, "weekly-timesheet.bpmn", bpmn, true);
	}
}
