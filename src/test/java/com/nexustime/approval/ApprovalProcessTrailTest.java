package com.nexustime.approval;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.Api;
import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static com.nexustime.approval.ApprovalFixture.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The owner sees where the submission's process stands: the steps through the API, and on the page the diagram
 * with the current step and, when the mail failed past its retries, the incident.
 */
class ApprovalProcessTrailTest extends IntegrationTest {

	@Autowired
	ManagementService management;

	@Autowired
	MailRoute route;

	@Test
	void historyAndDiagramShowWhereItStandsAndAnIncidentShowsOnThePage() throws Exception {
		ApprovalFixture fx = new ApprovalFixture(jdbc);
		fx.entry(fx.website, fx.design, MONDAY, 90, "100.00", "Trail check");
		Api.Client owner = fx.staff.client(api);
		JsonNode created = owner.post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "PROJECT")).json();
		String id = created.get("id").asText();

		Api.Response history = owner.get("/api/v1/approvals/" + id + "/history");
		assertThat(history.status()).isEqualTo(200);
		assertThat(history.json().get(0).get("activity").asText()).isEqualTo("Approval created");
		assertThat(history.json().get(0).get("type").asText()).isEqualTo("startEvent");
		assertThat(TestUsers.create(jdbc, "STAFF").client(api).get("/api/v1/approvals/" + id + "/history").status())
			.as("another staff member").isEqualTo(404);

		String instance = jdbc.sql("select process_instance_id from client_approval where id = ?")
			.param(Long.valueOf(id)).query(String.class).single();
		var previous = route.use(ClientApprovalProcessTest.sender(ClientApprovalProcessTest.freePort()));
		try {
			Job send = management.createJobQuery().processInstanceId(instance).activityId("SendToClient").singleResult();
			// the first failure sets the retries from the diagram's cycle; the last one leaves an incident
			assertThatThrownBy(() -> management.executeJob(send.getId())).isNotNull();
			management.setJobRetries(send.getId(), 1);
			assertThatThrownBy(() -> management.executeJob(send.getId())).isNotNull();
		}
		finally {
			route.use(previous);
		}

		FormSession browser = FormSession.signIn(port, fx.staff.email(), TestUsers.PASSWORD);
		FormSession.Page page = browser.get("/approvals/" + id);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<svg", "class=\"task failed\" data-element-id=\"SendToClient\"",
				"class=\"event done\" data-element-id=\"ApprovalCreated\"", "Stuck:");

		// once the cause is fixed and the mail goes out, the process waits for the client
		management.setJobRetries(management.createJobQuery().processInstanceId(instance).singleResult().getId(), 1);
		management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
		page = browser.get("/approvals/" + id);
		assertThat(page.body()).contains("class=\"task current\" data-element-id=\"WaitForDecision\"")
			.doesNotContain("Stuck:");
		owner.delete("/api/v1/approvals/" + id);
	}
}
