package com.nexustime.approval;

import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;

import static com.nexustime.approval.ApprovalFixture.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

/** The person who sent a client approval hears when the client approves: in the app and by mail. */
class ClientDecisionNoticeTest extends IntegrationTest {

	@Autowired
	RepositoryService repository;

	@Test
	void theOwnerIsToldWhenTheClientApproves() throws Exception {
		ApprovalFixture.ensureProcess(repository);
		ApprovalFixture fx = new ApprovalFixture(jdbc);
		Api.Client owner = fx.staff.client(api);
		fx.entry(fx.website, fx.design, MONDAY, 90, "100.00", "Home page layout");
		Api.Response created = owner.post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "PROJECT"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		String link = ApprovalFixture.mailedLink(context, id);

		PublicLinkClient client = new PublicLinkClient(null, "Desk/2.0");
		client.get(link);
		assertThat(client.post(link + "/approve", Map.of("signature", "Dana Buyer")).status()).isIn(200, 302, 303);

		JsonNode bell = owner.get("/api/v1/me/notifications").json();
		assertThat(bell.toString()).contains("APPROVAL_APPROVED", "approved the timesheet (signed Dana Buyer)",
				"/approvals/" + id);
		List<MimeMessage> mails = ApprovalFixture.deliverOutbox(context, fx.staff.email());
		assertThat(mails).anySatisfy(m -> {
			assertThat(m.getSubject()).endsWith("approved the timesheet");
			assertThat((String) m.getContent()).contains("signed \"Dana Buyer\"", "/approvals/" + id);
		});
	}
}
