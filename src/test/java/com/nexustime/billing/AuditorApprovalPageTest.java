package com.nexustime.billing;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

import com.nexustime.approval.ClientApprovalService;
import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** The submission page as an auditor reads it: the frozen snapshot, both hashes, the signature's evidence, the invoice. */
class AuditorApprovalPageTest extends IntegrationTest {

	static final LocalDate MONDAY = LocalDate.of(2021, 6, 7);

	@Autowired
	ClientApprovalService approvals;

	@Test
	void anAuditorSeesWhatWasSentSignedAndBilled() {
		BillingFixture fx = new BillingFixture(jdbc);
		fx.entry(fx.website, fx.design, MONDAY, 150, "120.00", "Audited logo sketches " + fx.unique);
		JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
		String id = approval.get("id").asText();
		JsonNode invoice = fx.manager.client(api).post("/api/v1/invoices/from-time", Map.of("approvalId", id)).json();
		String pdfHash = jdbc.sql("select pdf_hash from client_approval where id = ?").param(Long.parseLong(id))
			.query(String.class).optional().orElse(null);

		TestUsers.TestUser auditor = TestUsers.create(jdbc, "AUDITOR");
		FormSession browser = FormSession.signIn(port, auditor.email(), TestUsers.PASSWORD);
		var page = browser.get("/approvals/" + id);
		assertThat(page.status()).isEqualTo(200);
		String body = HtmlUtils.htmlUnescape(page.body());
		assertThat(body).contains("id=\"auditor-evidence\"");
		assertThat(body).contains("<code id=\"snapshot-hash\">" + approval.get("snapshotHash").asText() + "</code>")
			.contains("the stored snapshot still hashes to it");
		if (pdfHash != null) {
			assertThat(body).contains("<code id=\"pdf-hash\">" + pdfHash + "</code>");
		}
		assertThat(body).contains("href=\"/api/v1/approvals/" + id + "/pdf\"");
		assertThat(body).containsPattern("(?s)id=\"signature\">.*Dana Client.*198\\.51\\.100\\.7.*Test/1\\.0");
		assertThat(body).containsPattern("(?s)id=\"invoices\">.*href=\"/invoices/" + invoice.get("id").asText() + "\">"
				+ invoice.get("number").asText() + "</a>\\s*\\(<span>Draft</span>");
		// the snapshot pretty-printed, one field a line
		assertThat(body).containsPattern("(?s)id=\"snapshot\">\\{\\n.*\"description\" : \"Audited logo sketches " + fx.unique);

		JsonNode snapshot = auditor.client(api).get("/api/v1/approvals/" + id + "/snapshot").json();
		assertThat(snapshot.get("snapshotHash").asText()).isEqualTo(approval.get("snapshotHash").asText());
		assertThat(snapshot.get("matches").asBoolean()).isTrue();
		assertThat(snapshot.get("snapshot").get("entries").get(0).get("description").asText())
			.isEqualTo("Audited logo sketches " + fx.unique);
		assertThat(TestUsers.create(jdbc, "STAFF").client(api).get("/api/v1/approvals/" + id + "/snapshot").status())
			.isEqualTo(404);
	}

	@Test
	void theOwnersViewStaysAsItWas() {
		BillingFixture fx = new BillingFixture(jdbc);
		fx.entry(fx.website, fx.design, MONDAY, 60, "100.00", "Owner view " + fx.unique);
		JsonNode approval = fx.sendForApproval(api, MONDAY, MONDAY.plusDays(6), "PROJECT");
		FormSession owner = FormSession.signIn(port, fx.manager.email(), TestUsers.PASSWORD);
		var page = owner.get("/approvals/" + approval.get("id").asText());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(approval.get("snapshotHash").asText()).contains("Cancel")
			.doesNotContain("id=\"auditor-evidence\"");
	}
}
