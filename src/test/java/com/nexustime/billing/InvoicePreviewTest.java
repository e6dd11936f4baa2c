package com.nexustime.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.Api;
import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview of an invoice stores nothing and shows exactly what making it then makes; "convert and send" makes
 * the invoice SENT with exactly one mail, and a refused conversion leaves neither.
 */
class InvoicePreviewTest extends IntegrationTest {

	static final LocalDate MONDAY = LocalDate.of(2018, 10, 1);

	@Autowired
	TaskService tasks;

	@Test
	void thePreviewOfAnApprovalStoresNothingAndConvertAndSendMakesItSentWithOneMail() {
		BillingFixture fx = new BillingFixture(jdbc);
		long logo = fx.entry(fx.website, fx.design, MONDAY, 150, "120.00", "Logo sketches");
		fx.fixedCost(fx.brochure, MONDAY.plusDays(2), "310.40", "Print run");
		JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "TASK");
		String approvalId = approval.get("id").asText();
		Api.Client manager = fx.manager.client(api);
		Map<String, Long> before = counts(fx.contactEmail);
		long openTasks = convertTasks(approvalId);

		Api.Response preview = manager.post("/api/v1/invoices/preview", Map.of("approvalId", approvalId));

		assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
		JsonNode would = preview.json();
		assertThat(would.get("total").asText()).isEqualTo(approval.get("totalAmount").asText());
		assertThat(would.get("entryCount").asInt()).isEqualTo(2);
		assertThat(would.get("lines").size()).isEqualTo(approval.get("lines").size());
		assertThat(counts(fx.contactEmail)).as("the preview stored nothing").isEqualTo(before);
		assertThat(fx.status(logo)).isEqualTo("FINALIZED");
		assertThat(convertTasks(approvalId)).as("the owner's task is still open").isEqualTo(openTasks);

		Api.Response made = manager.post("/api/v1/invoices/from-time", Map.of("approvalId", approvalId, "send", true));

		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		JsonNode invoice = made.json();
		assertThat(invoice.get("status").asText()).isEqualTo("SENT");
		assertThat(invoice.get("sentAt").isNull()).isFalse();
		assertSameLines(would, invoice);
		Map<String, Long> after = counts(fx.contactEmail);
		assertThat(after.get("invoice")).isEqualTo(before.get("invoice") + 1);
		assertThat(after.get("mail")).as("exactly one mail to the client").isEqualTo(before.get("mail") + 1);
		assertThat(jdbc.sql("select secret_link from mail_outbox where recipient = ? order by id desc limit 1")
			.param(fx.contactEmail).query(String.class).single()).startsWith("invoice-link:");
		assertThat(fx.status(logo)).isEqualTo("BILLED");
		assertThat(fx.auditActions(invoice.get("id").asText())).contains("CREATE", "SEND");

		// converting again is refused, and the refusal leaves neither an invoice nor a mail
		Api.Response again = manager.post("/api/v1/invoices/from-time", Map.of("approvalId", approvalId, "send", true));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).contains("application/problem+json");
		assertThat(counts(fx.contactEmail)).isEqualTo(after);
		Api.Response previewAgain = manager.post("/api/v1/invoices/preview", Map.of("approvalId", approvalId));
		assertThat(previewAgain.status()).isEqualTo(409);
		assertThat(previewAgain.body()).contains("already invoiced");
	}

	@Test
	void aRefusedRangeConversionWithSendLeavesNeitherInvoiceNorMail() {
		BillingFixture fx = new BillingFixture(jdbc);
		fx.entry(fx.website, fx.design, MONDAY, 60, "100.00", "Not finalized");
		Map<String, Long> before = counts(fx.contactEmail);
		Api.Response refused = fx.manager.client(api).post("/api/v1/invoices/from-time", Map.of("contactId",
				String.valueOf(fx.contact), "from", MONDAY.toString(), "to", MONDAY.plusDays(6).toString(), "send", true));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("nothing is billable");
		assertThat(counts(fx.contactEmail)).isEqualTo(before);
		assertThat(fx.staff.client(api).post("/api/v1/invoices/preview", Map.of("contactId", String.valueOf(fx.contact),
				"from", MONDAY.toString(), "to", MONDAY.plusDays(6).toString())).status()).isEqualTo(403);
		Api.Response invalid = fx.manager.client(api).post("/api/v1/invoices/preview",
				Map.of("contactId", String.valueOf(fx.contact), "from", MONDAY.toString()));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body()).contains("to");
	}

	@Test
	void theRangePreviewHasTheLinesTheMadeInvoiceHas() {
		BillingFixture fx = new BillingFixture(jdbc);
		long a = fx.entry(fx.website, fx.design, MONDAY, 90, "100.00", "Poster");
		long b = fx.entry(fx.website, fx.design, MONDAY.plusDays(1), 30, "100.00", "Poster changes");
		long c = fx.entry(fx.brochure, fx.management, MONDAY.plusDays(2), 45, "80.00", "Call");
		long d = fx.fixedCost(fx.brochure, MONDAY.plusDays(3), "45.50", "Stock photo");
		fx.finalizeDirectly(a, b, c, d);
		Map<String, Object> range = Map.of("contactId", String.valueOf(fx.contact), "from", MONDAY.toString(), "to",
				MONDAY.plusDays(6).toString());
		Api.Client manager = fx.manager.client(api);
		Map<String, Long> before = counts(fx.contactEmail);

		JsonNode would = manager.post("/api/v1/invoices/preview", range).json();
		assertThat(counts(fx.contactEmail)).isEqualTo(before);
		assertThat(fx.status(a)).isEqualTo("FINALIZED");
		JsonNode made = manager.post("/api/v1/invoices/from-time", range).json();

		assertThat(made.get("status").asText()).isEqualTo("DRAFT");
		assertSameLines(would, made);
		assertThat(would.get("entryCount").asInt()).isEqualTo(made.get("entryCount").asInt()).isEqualTo(4);
		assertThat(would.get("lines").size()).isEqualTo(3);
	}

	@Test
	void thePagesPreviewThenMakeAndSend() {
		BillingFixture fx = new BillingFixture(jdbc);
		long entry = fx.entry(fx.website, fx.design, MONDAY, 60, "100.00", "Banner");
		fx.finalizeDirectly(entry);
		FormSession browser = FormSession.signIn(port, fx.manager.email(), TestUsers.PASSWORD);
		Map<String, Long> before = counts(fx.contactEmail);
		assertThat(browser.get("/invoices/new").body()).contains("Preview the invoice");

		FormSession.Page preview = browser.post("/invoices/preview", Map.of("contactId", String.valueOf(fx.contact),
				"from", MONDAY.toString(), "to", MONDAY.plusDays(6).toString()));
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.body()).contains("id=\"preview\"", "Website " + fx.unique + " — Design", "100.00",
				"Make draft invoice", "Make and send to the client");
		assertThat(counts(fx.contactEmail)).isEqualTo(before);

		FormSession.Page made = browser.post("/invoices", Map.of("contactId", String.valueOf(fx.contact), "from",
				MONDAY.toString(), "to", MONDAY.plusDays(6).toString(), "send", "true"));
		assertThat(made.status()).isEqualTo(302);
		assertThat(browser.follow(made).body()).contains("and sent to", "not opened yet", "Mark paid");
		assertThat(counts(fx.contactEmail).get("mail")).isEqualTo(before.get("mail") + 1);

		FormSession.Page nothing = browser.post("/invoices/preview", Map.of("contactId", String.valueOf(fx.contact),
				"from", MONDAY.toString(), "to", MONDAY.plusDays(6).toString()));
		assertThat(nothing.body()).contains("nothing is billable", "value=\"" + MONDAY.plusDays(6) + "\"")
			.doesNotContain("id=\"preview\"");
	}

	@Test
	void theApprovalPageShowsThePreviewAndConvertsAndSendsInOneClick() {
		BillingFixture fx = new BillingFixture(jdbc);
		fx.entry(fx.website, fx.design, MONDAY, 90, "100.00", "Poster");
		JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
		String approvalId = approval.get("id").asText();
		FormSession browser = FormSession.signIn(port, fx.manager.email(), TestUsers.PASSWORD);
		Map<String, Long> before = counts(fx.contactEmail);

		String page = browser.get("/approvals/" + approvalId).body();
		assertThat(page).contains("id=\"invoice-preview\"", "The invoice converting makes", "150.00",
				"Convert and send", "Convert to invoice");
		assertThat(counts(fx.contactEmail)).isEqualTo(before);

		FormSession.Page sent = browser.post("/invoices/from-approval", Map.of("approvalId", approvalId, "send", "true"));
		assertThat(sent.status()).isEqualTo(302);
		assertThat(browser.follow(sent).body()).contains("and sent to", "Mark paid");
		assertThat(counts(fx.contactEmail).get("mail")).isEqualTo(before.get("mail") + 1);
		assertThat(browser.get("/approvals/" + approvalId).body()).doesNotContain("id=\"invoice-preview\"");
	}

	private static void assertSameLines(JsonNode would, JsonNode made) {
		JsonNode a = would.get("lines");
		JsonNode b = made.get("lines");
		assertThat(b.size()).isEqualTo(a.size());
		for (int i = 0; i < a.size(); i++) {
			for (String field : List.of("position", "group", "description", "hours", "rate", "amount")) {
				assertThat(String.valueOf(b.get(i).get(field))).as("line %d %s", i, field)
					.isEqualTo(String.valueOf(a.get(i).get(field)));
			}
		}
		assertThat(made.get("total").asText()).isEqualTo(would.get("total").asText());
	}

	private long convertTasks(String approvalId) {
		String process = jdbc.sql("select process_instance_id from client_approval where id = ?")
			.param(Long.parseLong(approvalId)).query(String.class).optional().orElse(null);
		return process == null ? 0
				: tasks.createTaskQuery().processInstanceId(process).taskDefinitionKey("ConvertToInvoice").count();
	}

	/** The rows a conversion writes, and the mail to the client. */
	private Map<String, Long> counts(String email) {
		return Map.of("invoice", count("select count(*) from invoice"),
				"line", count("select count(*) from invoice_line"),
				"entry", count("select count(*) from invoice_entry"),
				"link", count("select count(*) from invoice_link"),
				"counter", count("select coalesce(sum(last), 0) from invoice_counter"),
				"billed", count("select count(*) from time_entry where status = 'BILLED'"),
				"audit", count("select count(*) from audit_log where entity_type = 'Invoice'"),
				"mail", jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(email).query(Long.class)
					.single());
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
