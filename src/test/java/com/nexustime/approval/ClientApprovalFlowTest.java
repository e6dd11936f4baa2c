package com.nexustime.approval;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole client approval through HTTP and the real diagram: send (the asynchronous mail job delivers to a
 * GreenMail server with the PDF), an owner's edit that leaves the snapshot alone, the client's signature on the
 * public page, finalized entries, and the owner's "Convert to invoice" task.
 */
class ClientApprovalFlowTest extends IntegrationTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	ManagementService management;

	@Autowired
	TaskService tasks;

	@Autowired
	MailRoute route;


	@Test
	void sendSignFinalizeAndInvoiceTask() throws Exception {
		BpmnAwareTests.init(engine);
		ApprovalFixture fx = new ApprovalFixture(jdbc);
		long logo = fx.entry(fx.website, fx.design, ApprovalFixture.MONDAY, 150, "120.00", "Logo sketches");
		long call = fx.entry(fx.website, fx.management, ApprovalFixture.MONDAY.plusDays(1), 60, "80.00", "Kick-off call");
		TestUsers.TestUser owner = TestUsers.create(jdbc, "MANAGER", "STAFF");
		fx.managedBy(owner);
		Api.Client ownerApi = owner.client(api);

		JsonNode created = ownerApi.post("/api/v1/approvals",
				fx.request(ApprovalFixture.MONDAY, ApprovalFixture.MONDAY.plusDays(6), "TASK")).json();
		String id = created.get("id").asText();
		String hash = created.get("snapshotHash").asText();
		String processInstanceId = jdbc.sql("select process_instance_id from client_approval where id = ?")
			.param(Long.valueOf(id)).query(String.class).single();

		int port = ClientApprovalProcessTest.freePort();
		GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		var previous = route.use(ClientApprovalProcessTest.sender(port));
		MimeMessage[] received;
		try {
			Job send = management.createJobQuery().processInstanceId(processInstanceId).singleResult();
			management.executeJob(send.getId());
			received = smtp.getReceivedMessages();
		}
		finally {
			route.use(previous);
			smtp.stop();
		}
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(fx.email());
		String pdfText = String.join("\n",
				ApprovalPdfTest.pages(ClientApprovalProcessTest.pdfAttachment((Multipart) received[0].getContent())));
		assertThat(pdfText).contains("Logo sketches", "Kick-off call", hash);

		// the staff member tries to edit an entry before the client decides: refused, naming the request
		var refused = fx.staff.client(api).patch("/api/v1/time-entries/" + call, Map.of("minutes", 90));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("detail").asText()).contains("(request " + id + ")");
		JsonNode afterEdit = ownerApi.get("/api/v1/approvals/" + id).json();
		assertThat(afterEdit.get("changedSinceSent").asBoolean()).isFalse();
		assertThat(afterEdit.get("lines").toString()).isEqualTo(created.get("lines").toString());
		assertThat(afterEdit.get("totalAmount").asText()).isEqualTo(created.get("totalAmount").asText());

		String link = ApprovalFixture.linkIn(received[0], this.port);
		PublicLinkClient client = new PublicLinkClient(null, "Phone/1.0");
		assertThat(client.get(link).body()).contains("Logo sketches", hash).doesNotContain("1.50");
		assertThat(client.post(link + "/approve", Map.of("signature", "Dana Buyer")).status()).isIn(200, 302, 303);

		JsonNode approved = ownerApi.get("/api/v1/approvals/" + id).json();
		assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
		assertThat(approved.get("signature").asText()).isEqualTo("Dana Buyer");
		assertThat(fx.status(logo)).isEqualTo("FINALIZED");
		assertThat(fx.status(call)).isEqualTo("FINALIZED");
		var locked = fx.staff.client(api).patch("/api/v1/time-entries/" + logo, Map.of("minutes", 30));
		assertThat(locked.status()).isEqualTo(409);

		Task convert = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
		assertThat(convert.getTaskDefinitionKey()).isEqualTo("ConvertToInvoice");
		assertThat(convert.getAssignee()).isEqualTo(String.valueOf(owner.id()));
		assertThat(ownerApi.get("/api/v1/tasks").body()).contains(convert.getId());
	}

	@Test
	void aClientWhoAnswersBeforeTheMailIsSentStillMovesTheProcess() {
		BpmnAwareTests.init(engine);
		ApprovalFixture fx = new ApprovalFixture(jdbc);
		fx.entry(fx.website, fx.design, ApprovalFixture.MONDAY, 60, "100.00", "Quick fix");
		TestUsers.TestUser owner = TestUsers.create(jdbc, "MANAGER", "STAFF");
		fx.managedBy(owner);
		JsonNode created = owner.client(api).post("/api/v1/approvals",
				fx.request(ApprovalFixture.MONDAY, ApprovalFixture.MONDAY.plusDays(6), "PROJECT")).json();
		String processInstanceId = jdbc.sql("select process_instance_id from client_approval where id = ?")
			.param(Long.valueOf(created.get("id").asText())).query(String.class).single();

		// the owner resends before the process's own mail job ran; the client answers from that mail
		assertThat(owner.client(api).post("/api/v1/approvals/" + created.get("id").asText() + "/resend", Map.of())
			.status()).isEqualTo(202);
		var resent = ApprovalFixture.deliverOutbox(context, fx.email());
		assertThat(resent).hasSize(1);
		String link = ApprovalFixture.linkIn(resent.get(0), this.port);
		PublicLinkClient client = new PublicLinkClient(null, "Phone/1.0");
		client.get(link);
		client.post(link + "/decline", Map.of("reason", "Wrong month"));

		var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
			.singleResult();
		management.executeJob(management.createJobQuery().processInstanceId(processInstanceId).singleResult().getId());
		BpmnAwareTests.assertThat(instance).isEnded().hasPassed("StillWaiting", "TellOwner", "ApprovalDeclined")
			.hasNotPassed("WaitForDecision");
		assertThat(jdbc.sql("select count(*) from approval_event where approval_id = ? and action = 'DELIVERED'")
			.param(Long.valueOf(created.get("id").asText())).query(Long.class).single()).as("no mail with a spent link")
			.isZero();
		assertThat(jdbc.sql("select message from notification where user_id = ? and kind = 'APPROVAL_DECLINED'")
			.param(owner.id()).query(String.class).single()).contains("Wrong month");
	}
}
