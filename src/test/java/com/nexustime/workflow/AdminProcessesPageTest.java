package com.nexustime.workflow;

import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** "Processes, rules and forms": versions with running instances, the latest diagram, rules, forms and their tasks. */
class AdminProcessesPageTest extends IntegrationTest {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Test
	void aProcessOwnerSeesEveryVersionWithItsRunningInstancesTheDiagramRulesAndForms() {
		String key = "admin-page-test-" + UUID.randomUUID().toString().substring(0, 8);
		String deploymentName = "admin-page-test";
		try {
			deploy(key, deploymentName, "Wait a while");
			runtime.startProcessInstanceByKey(key);
			runtime.startProcessInstanceByKey(key);
			deploy(key, deploymentName, "Wait a little longer");

			TestUsers.TestUser owner = TestUsers.create(jdbc, "PROCESS_OWNER");
			FormSession browser = FormSession.signIn(port, owner.email(), TestUsers.PASSWORD);
			var page = browser.get("/admin/processes");
			assertThat(page.status()).isEqualTo(200);
			String body = HtmlUtils.htmlUnescape(page.body());
			assertThat(body).contains("Processes, rules and forms").contains("href=\"/admin/processes\"");

			String process = body.substring(body.indexOf("id=\"process-" + key + "\""));
			process = process.substring(0, process.indexOf("</article>"));
			assertThat(process).contains("v2 latest").contains("2 running").contains(deploymentName)
				.containsPattern("(?s)<td class=\"text-end\">2</td>.*<td class=\"text-end running\">0</td>"
						+ ".*<td class=\"text-end\">1</td>.*<td class=\"text-end running\">2</td>")
				.contains("<svg").contains("Wait a little longer");
			for (String real : new String[] { "weekly-timesheet", "client-approval", "po-budget-alert", "week-reminders" }) {
				assertThat(body).contains("id=\"process-" + real + "\"");
			}
			assertThat(body).contains("activity-availability.drl").contains("Reload rules");
			assertThat(body).containsPattern("(?s)<code>nexus:manager-review</code>.*?class=\"form-uses\">.*?"
					+ "\\(weekly-timesheet\\)");

			assertThat(FormSession.signIn(port, TestUsers.create(jdbc, "STAFF").email(), TestUsers.PASSWORD)
				.get("/admin/processes").status()).isEqualTo(403);
			assertThat(FormSession.signIn(port, TestUsers.create(jdbc, "AUDITOR").email(), TestUsers.PASSWORD)
				.get("/admin/processes").status()).isEqualTo(403);
			assertThat(FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD).get("/admin/processes").status())
				.isEqualTo(200);
		}
		finally {
			repository.createDeploymentQuery().deploymentName(deploymentName).list().stream()
				.filter(d -> repository.createProcessDefinitionQuery().deploymentId(d.getId()).processDefinitionKey(key)
					.count() > 0)
				.forEach(d -> repository.deleteDeployment(d.getId(), true));
		}
	}

	private void deploy(String key, String deploymentName, String taskName) {
		repository.createDeployment().name(deploymentName).addModelInstance(key + ".bpmn",
				Bpmn.createExecutableProcess(key).name("Admin page test").camundaHistoryTimeToLive(1).startEvent()
					.userTask("wait").name(taskName).endEvent().done())
			.deploy();
	}
}
