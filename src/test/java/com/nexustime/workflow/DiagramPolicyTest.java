package com.nexustime.workflow;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.nexustime.support.IntegrationTest;
import com.nexustime.support.ModelerDeployment;
import com.nexustime.support.TestUsers;
import com.nexustime.support.TestUsers.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A process owner deploys diagrams, not code: each forbidden construct sent the way Camunda Modeler sends it is
 * refused with 400 naming the element and the reason, nothing is deployed and the refusal is audited; each form
 * the shipped diagrams use is accepted; and the expression language cannot reach other beans even unchecked.
 */
class DiagramPolicyTest extends IntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	RepositoryService repository;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ApplicationContext context;

	static Stream<Arguments> forbidden() {
		return Stream.of(
				Arguments.of("script task", "Subject", "script task",
						"<bpmn:scriptTask id=\"Subject\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>"),
				Arguments.of("camunda:class", "Subject", "camunda:class",
						"<bpmn:serviceTask id=\"Subject\" camunda:class=\"java.lang.Object\" />"),
				Arguments.of("camunda:script in a listener", "Subject", "camunda:script",
						task("<camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"groovy\">x</camunda:script>"
								+ "</camunda:executionListener>")),
				Arguments.of("camunda:script in an input mapping", "Subject", "camunda:script",
						task("<camunda:inputOutput><camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"groovy\">x"
								+ "</camunda:script></camunda:inputParameter></camunda:inputOutput>")),
				Arguments.of("listener class", "Subject", "camunda:class",
						task("<camunda:executionListener event=\"start\" class=\"java.lang.Object\" />")),
				Arguments.of("expression on another bean", "Subject", "jdbcClient",
						"<bpmn:serviceTask id=\"Subject\" camunda:expression=\"${jdbcClient.sql('select current_user').query().singleValue()}\" />"),
				Arguments.of("delegate outside the allow-list", "Subject", "jdbcClient",
						"<bpmn:serviceTask id=\"Subject\" camunda:delegateExpression=\"${jdbcClient}\" />"),
				Arguments.of("getClass and forName", "Yes", "reflective",
						gateway("${''.getClass().forName('java.lang.Runtime') != null}")),
				Arguments.of("static access", "Yes", "reflective", gateway("${T(java.lang.Runtime).getRuntime() != null}")),
				Arguments.of("getClass on an allowed bean", "Yes", "reflective", gateway("${invoicing.getClass() != null}")),
				Arguments.of("method on the engine's execution", "Yes", "engine object 'execution'",
						gateway("${execution.getProcessEngineServices() != null}")),
				Arguments.of("method on a variable", "Yes", "toString", gateway("${approvalId.toString() == '1'}")),
				Arguments.of("method of a delegate", "Yes", "may call methods only of",
						gateway("${weekApproved.execute(null) == null}")),
				Arguments.of("property of a variable", "Yes", "property", gateway("${approval.status == 'SENT'}")));
	}

	static Stream<Arguments> allowed() {
		return Stream.of(
				Arguments.of("a delegate by name", "<bpmn:serviceTask id=\"Subject\" camunda:delegateExpression=\"${weekApproved}\" />"),
				Arguments.of("a task listener by name", "<bpmn:userTask id=\"Subject\" camunda:assignee=\"${managerId}\">"
						+ "<bpmn:extensionElements><camunda:taskListener event=\"complete\" delegateExpression=\"${reviewDecisionCheck}\" />"
						+ "</bpmn:extensionElements></bpmn:userTask>"),
				Arguments.of("a variable", gateway("${approved}")),
				Arguments.of("a negated variable", gateway("${not approved}")),
				Arguments.of("a negated variable with !", gateway("${!approved}")),
				Arguments.of("a comparison", gateway("${amount > 100}")),
				Arguments.of("a string comparison", gateway("${decision == 'APPROVE' || approvalStatus == 'SENT'}")),
				Arguments.of("a condition bean's methods", gateway("${invoicing.automatic() or invoicing.invoiced(approvalId)}")),
				Arguments.of("a timer from a variable", "<bpmn:intermediateCatchEvent id=\"Subject\"><bpmn:timerEventDefinition>"
						+ "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">${reminderAfter}</bpmn:timeDuration>"
						+ "</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forbidden")
	void aForbiddenConstructIsRefusedNamingTheElementAndTheReasonAndAudited(String label, String elementId,
			String reason, String element) throws Exception {
		TestUser owner = TestUsers.create(jdbc, "PROCESS_OWNER");
		String name = "policy-refused-" + UUID.randomUUID();
		HttpResponse<String> response = deploy(owner, name, diagram(element, null));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode error = JSON.readTree(response.body()).get("details").get("case.bpmn").get("errors").get(0);
		assertThat(error.get("mainElementId").asText()).isEqualTo(elementId);
		assertThat(error.get("message").asText()).contains(elementId).contains(reason);
		assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();

		var audited = jdbc.sql("select actor, cast(after as text) from audit_log where action = 'DEPLOY_REFUSED' "
				+ "and entity_id = ?").param(name).query((rs, i) -> List.of(rs.getString(1), rs.getString(2))).list();
		assertThat(audited).singleElement().satisfies(row -> {
			assertThat(row.get(0)).isEqualTo(owner.email());
			assertThat(row.get(1)).contains("case.bpmn").contains(elementId).contains(reason);
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forbidden")
	void theSameConstructIsRefusedThroughTheRepositoryService(String label, String elementId, String reason,
			String element) {
		String name = "policy-refused-direct-" + UUID.randomUUID();
		assertThatThrownBy(() -> repository.createDeployment().name(name)
			.addString("case.bpmn", diagram(element, null)).deploy())
			.hasMessageContaining(elementId).hasMessageContaining(reason);
		assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
	}

	@Test
	void aScriptedConditionIsRefused() throws Exception {
		TestUser owner = TestUsers.create(jdbc, "PROCESS_OWNER");
		String name = "policy-refused-" + UUID.randomUUID();
		String diagram = diagram("<bpmn:exclusiveGateway id=\"Subject\" default=\"No\" />",
				"<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"groovy\">true</bpmn:conditionExpression>");
		HttpResponse<String> response = deploy(owner, name, diagram);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains("Yes").contains("language 'groovy'");
	}

	@Test
	void aResourceOtherThanADiagramIsRefused() {
		String name = "policy-refused-page-" + UUID.randomUUID();
		assertThatThrownBy(() -> repository.createDeployment().name(name)
			.addString("case.bpmn", diagram("<bpmn:task id=\"Subject\" />", null).replace("id=\"KEY\"", "id=\"" + key(name) + "\""))
			.addString("page.html", "<script>alert(1)</script>").deploy())
			.hasMessageContaining("page.html").hasMessageContaining("only BPMN diagrams");
		assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("allowed")
	void anAllowedConstructIsDeployedAndAudited(String label, String element) throws Exception {
		TestUser owner = TestUsers.create(jdbc, "PROCESS_OWNER");
		String name = "policy-allowed-" + UUID.randomUUID();
		try {
			HttpResponse<String> response = deploy(owner, name, diagram(element, null));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			String deploymentId = JSON.readTree(response.body()).get("id").asText();
			var audited = jdbc.sql("select actor, cast(after as text) from audit_log where action = 'DEPLOY' "
					+ "and entity_id = ?").param(deploymentId).query((rs, i) -> List.of(rs.getString(1), rs.getString(2)))
				.list();
			assertThat(audited).singleElement().satisfies(row -> {
				assertThat(row.get(0)).isEqualTo(owner.email());
				assertThat(row.get(1)).contains("case.bpmn").contains(name).contains(key(name) + " v1");
			});
		}
		finally {
			repository.createDeploymentQuery().deploymentName(name).list()
				.forEach(d -> repository.deleteDeployment(d.getId(), true));
		}
	}

	@Test
	void theExpressionLanguageSeesOnlyTheProcessBeans() {
		assertThat(evaluate("${weekApproved}")).isInstanceOf(JavaDelegate.class);
		assertThat(evaluate("${invoicing.automatic()}")).isInstanceOf(Boolean.class);
		// even if a diagram got past the check, these resolve to nothing
		assertThatThrownBy(() -> evaluate("${jdbcClient}")).hasMessageContaining("jdbcClient");
		assertThatThrownBy(() -> evaluate("${dataSource}")).hasMessageContaining("dataSource");
		assertThatThrownBy(() -> evaluate("${''.getClass()}")).hasMessageContaining("getClass");
		assertThatThrownBy(() -> evaluate("${invoicing.getClass()}")).hasMessageContaining("getClass");
	}

	@Test
	void theAllowListIsDerivedFromTheBeanTypes() {
		ProcessBeans beans = new ProcessBeans(context);
		assertThat(beans.delegates()).contains("weekApproved", "sendApprovalMail", "reviewDecisionCheck",
				"convertToInvoiceOnComplete", "poAlertNotify", "openWeekReminder").doesNotContain("jdbcClient", "invoicing");
		assertThat(beans.conditions()).contains("invoicing").doesNotContain("jdbcClient", "dataSource");
	}

	/** Evaluates an expression as the engine would, inside a command, with no process variables. */
	private Object evaluate(String expression) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		ExpressionManager expressions = configuration.getExpressionManager();
		return configuration.getCommandExecutorTxRequired()
			.execute(context -> expressions.createExpression(expression).getValue(null));
	}

	private static String task(String extensions) {
		return "<bpmn:task id=\"Subject\"><bpmn:extensionElements>" + extensions + "</bpmn:extensionElements></bpmn:task>";
	}

	private static String gateway(String condition) {
		return "<bpmn:exclusiveGateway id=\"Subject\" default=\"No\" />\u0000"
				+ "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">" + condition.replace("&", "&amp;")
					.replace("<", "&lt;").replace(">", "&gt;") + "</bpmn:conditionExpression>";
	}

	/** start → Subject → end; a gateway gets a conditional flow "Yes" and a default flow "No". */
	private static String diagram(String element, String separateCondition) {
		String subject = element;
		String condition = null;
		int split = element.indexOf('\u0000');
		if (split >= 0) {
			subject = element.substring(0, split);
			condition = element.substring(split + 1);
		}
		else if (separateCondition != null) {
			condition = separateCondition;
		}
		String flows = condition == null
				? "<bpmn:sequenceFlow id=\"FromSubject\" sourceRef=\"Subject\" targetRef=\"End\" />"
				: "<bpmn:sequenceFlow id=\"Yes\" sourceRef=\"Subject\" targetRef=\"End\">" + condition + "</bpmn:sequenceFlow>"
						+ "<bpmn:sequenceFlow id=\"No\" sourceRef=\"Subject\" targetRef=\"End\" />";
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
				    id="PolicyTest" targetNamespace="https://nexustime.com/test">
				  <bpmn:process id="KEY" name="Policy test" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="Start" />
				    SUBJECT
				    <bpmn:endEvent id="End" />
				    <bpmn:sequenceFlow id="ToSubject" sourceRef="Start" targetRef="Subject" />
				    FLOWS
				  </bpmn:process>
				</bpmn:definitions>
				""".replace("SUBJECT", subject).replace("FLOWS", flows);
	}

	/** A process key of its own per deployment, so versions never collide with another test's. */
	private static String key(String deploymentName) {
		return "policy" + Integer.toHexString(deploymentName.hashCode());
	}

	private HttpResponse<String> deploy(TestUser user, String deploymentName, String bpmn)
			throws IOException, InterruptedException {
		String keyed = bpmn.replace("id=\"KEY\"", "id=\"" + key(deploymentName) + "\"");
		return ModelerDeployment.post(port, ModelerDeployment.basic(user.email(), TestUsers.PASSWORD), deploymentName,
				"case.bpmn", keyed, false);
	}
}
