package com.nexustime.billing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.approval.ClientApprovalService;
import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoice pages in a signed-in browser session, with CSRF, post/redirect/get and errors that keep the input. */
class InvoicePagesTest extends IntegrationTest {

	static final LocalDate MONDAY = LocalDate.of(2024, 4, 1);

	@Autowired
	ClientApprovalService approvals;

	@Test
	void theApprovalPageConvertsAndThenLinksToTheInvoice() {
		BillingFixture fx = new BillingFixture(jdbc);
		fx.entry(fx.website, fx.design, MONDAY, 90, "100.00", "Poster");
		JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
		FormSession browser = FormSession.signIn(port, fx.manager.email(), TestUsers.PASSWORD);
		String approvalPage = "/approvals/" + approval.get("id").asText();

		FormSession.Page before = browser.get(approvalPage);
		assertThat(before.body()).contains("Convert to invoice", "name=\"approvalId\"");

		FormSession.Page converted = browser.post("/invoices/from-approval", Map.of("approvalId", approval.get("id").asText()));
		assertThat(converted.status()).isEqualTo(302);
		assertThat(converted.location()).matches(".*/invoices/\\d+");
		FormSession.Page detail = browser.follow(converted);
		assertThat(detail.body()).contains("Draft invoice", "Poster", "150.00", "Send to the client", "Void",
				approval.get("snapshotHash").asText(), "/api/v1/invoices/");

		FormSession.Page after = browser.get(approvalPage);
		assertThat(after.body()).contains("id=\"invoice\"").doesNotContain("id=\"convert\"");

		// a second click (another tab) lands on the invoice with the reason
		FormSession.Page again = browser.post("/invoices/from-approval", Map.of("approvalId", approval.get("id").asText()));
		assertThat(again.location()).isEqualTo(converted.location());
		assertThat(browser.follow(again).body()).contains("already invoiced");

		String invoicePath = java.net.URI.create(converted.location()).getPath();
		FormSession.Page sent = browser.post(invoicePath + "/send", Map.of());
		assertThat(sent.status()).isEqualTo(302);
		assertThat(browser.follow(sent).body()).contains("Sent:", "Mark paid").doesNotContain("Send to the client");
		FormSession.Page voided = browser.post(invoicePath + "/void", Map.of("reason", "Duplicate"));
		assertThat(browser.follow(voided).body()).contains("Voided", "Duplicate").doesNotContain("Mark paid");

		FormSession.Page list = browser.get("/invoices");
		assertThat(list.body()).contains(">Invoices<", "Client " + fx.unique, "Void");
	}

	@Test
	void theNewInvoiceFormKeepsWhatWasTypedAndExplainsRefusals() {
		BillingFixture fx = new BillingFixture(jdbc);
		long entry = fx.entry(fx.website, fx.design, MONDAY, 60, "100.00", "Banner");
		fx.finalizeDirectly(entry);
		FormSession browser = FormSession.signIn(port, fx.manager.email(), TestUsers.PASSWORD);
		assertThat(browser.get("/invoices/new").body()).contains("New invoice from time", "Client " + fx.unique);

		FormSession.Page missing = browser.post("/invoices", Map.of("contactId", String.valueOf(fx.contact), "from",
				"2024-04-01", "to", ""));
		assertThat(missing.status()).isEqualTo(200);
		assertThat(missing.body()).contains("give the last day", "value=\"2024-04-01\"");

		FormSession.Page nothing = browser.post("/invoices", Map.of("contactId", String.valueOf(fx.contact), "from",
				"2024-05-01", "to", "2024-05-31"));
		assertThat(nothing.status()).isEqualTo(200);
		assertThat(nothing.body()).contains("nothing is billable", "value=\"2024-05-31\"");

		FormSession.Page made = browser.post("/invoices", Map.of("contactId", String.valueOf(fx.contact), "from",
				"2024-04-01", "to", "2024-04-07"));
		assertThat(made.status()).isEqualTo(302);
		assertThat(browser.follow(made).body()).contains("made from 1 entries", "Website " + fx.unique + " — Design");
		assertThat(fx.status(entry)).isEqualTo("BILLED");
	}

	@Test
	void staffGetNoInvoicePagesAndNoNavLink() {
		TestUsers.TestUser staff = TestUsers.create(jdbc, "STAFF");
		FormSession browser = FormSession.signIn(port, staff.email(), TestUsers.PASSWORD);
		assertThat(browser.get("/invoices").status()).isEqualTo(403);
		assertThat(browser.get("/invoices/new").status()).isEqualTo(403);
		FormSession.Page page = browser.get("/time");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("href=\"/approvals\"").doesNotContain("href=\"/invoices\"");

		TestUsers.TestUser auditor = TestUsers.create(jdbc, "AUDITOR");
		FormSession reader = FormSession.signIn(port, auditor.email(), TestUsers.PASSWORD);
		FormSession.Page list = reader.get("/invoices");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("href=\"/invoices\"").doesNotContain("New invoice from time");
		assertThat(reader.get("/invoices/new").status()).isEqualTo(403);
	}

	@Test
	void theWorkspaceSettingTurnsAutomaticBillingOnAndOff() {
		JsonNode original = admin().get("/api/v1/workspace").json();
		assertThat(original.get("autoInvoice").asBoolean()).isFalse();
		Map<String, Object> body = new HashMap<>(new ObjectMapper().convertValue(original, Map.class));
		body.remove("version");
		try {
			body.put("autoInvoice", true);
			var saved = admin().put("/api/v1/workspace", body);
			assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
			assertThat(saved.json().get("autoInvoice").asBoolean()).isTrue();
			body.remove("autoInvoice");
			assertThat(admin().put("/api/v1/workspace", body).json().get("autoInvoice").asBoolean())
				.as("left out keeps it").isTrue();

			FormSession browser = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
			assertThat(browser.get("/settings/workspace").body()).contains("Bill approved client approvals automatically",
					"name=\"autoInvoice\"");
		}
		finally {
			body.put("autoInvoice", false);
			assertThat(admin().put("/api/v1/workspace", body).json().get("autoInvoice").asBoolean()).isFalse();
		}
	}
}
