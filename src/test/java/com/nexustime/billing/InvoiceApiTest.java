package com.nexustime.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.approval.ClientApprovalService;
import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;
import com.nexustime.workspace.WorkspaceSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** Invoices through HTTP: from an approval, from a range, the 409s, void, and who may do what. */
class InvoiceApiTest extends IntegrationTest {

	static final LocalDate MONDAY = LocalDate.of(2021, 3, 1);

	@Autowired
	ClientApprovalService approvals;

	@Autowired
	WorkspaceSettings workspace;

	private BillingFixture fx;

	private Api.Client billing;

	@BeforeEach
	void setUp() {
		fx = new BillingFixture(jdbc);
		billing = fx.manager.client(api);
	}

	@Test
	void anApprovedApprovalBecomesAnInvoiceWithExactlyItsLinesAndBillsItsEntries() {
		long logo = fx.entry(fx.website, fx.design, MONDAY, 150, "120.00", "Logo sketches");
		long call = fx.entry(fx.website, fx.management, MONDAY.plusDays(1), 45, "80.00", "Kick-off call");
		long layout = fx.entry(fx.brochure, fx.design, MONDAY.plusDays(2), 200, "95.50", "Layout");
		long printing = fx.fixedCost(fx.brochure, MONDAY.plusDays(3), "310.40", "Print run");
		JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "TASK");

		Api.Response response = billing.post("/api/v1/invoices/from-time", Map.of("approvalId", approval.get("id").asText()));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		JsonNode invoice = response.json();
		assertThat(invoice.get("id").isTextual()).isTrue();
		assertThat(invoice.get("status").asText()).isEqualTo("DRAFT");
		assertThat(invoice.get("approvalId").asText()).isEqualTo(approval.get("id").asText());
		assertThat(invoice.get("contactId").asText()).isEqualTo(String.valueOf(fx.contact));
		assertThat(invoice.get("number").asText()).matches("\\d{4}-\\d{4}");
		String today = LocalDate.now(workspace.current().zone()).toString();
		assertThat(invoice.get("issueDate").asText()).isEqualTo(today);
		assertThat(invoice.get("snapshotHash").asText()).isEqualTo(approval.get("snapshotHash").asText());
		assertThat(invoice.get("approvalUrl").asText()).endsWith("/approvals/" + approval.get("id").asText());
		// the same lines, field by field and in the same order, as the client signed
		JsonNode signed = approval.get("lines");
		JsonNode billed = invoice.get("lines");
		assertThat(billed.size()).isEqualTo(signed.size()).isGreaterThanOrEqualTo(3);
		for (int i = 0; i < signed.size(); i++) {
			for (String field : List.of("group", "description", "hours", "rate", "amount")) {
				assertThat(text(billed.get(i), field)).as("line %d %s", i, field).isEqualTo(text(signed.get(i), field));
			}
		}
		assertThat(invoice.get("total").asText()).isEqualTo(approval.get("totalAmount").asText());
		assertThat(ids(invoice.get("entryIds"))).containsExactlyInAnyOrder(logo, call, layout, printing);

		for (long entry : List.of(logo, call, layout, printing)) {
			Map<String, Object> row = fx.row(entry);
			assertThat(row.get("status")).isEqualTo("BILLED");
			assertThat(row.get("invoice_id").toString()).isEqualTo(invoice.get("id").asText());
			assertThat(row.get("billed_on").toString()).isEqualTo(today);
		}
		JsonNode entry = fx.staff.client(api).get("/api/v1/time-entries/" + logo).json();
		assertThat(entry.get("status").asText()).isEqualTo("BILLED");
		assertThat(entry.get("invoiceId").asText()).isEqualTo(invoice.get("id").asText());
		assertThat(jdbc.sql("select invoice_id from client_approval where id = ?").param(approval.get("id").asLong())
			.query(Long.class).single()).isEqualTo(invoice.get("id").asLong());
		assertThat(fx.auditActions(invoice.get("id").asText())).containsExactly("CREATE");

		JsonNode read = billing.get("/api/v1/invoices/" + invoice.get("id").asText()).json();
		assertThat(read.get("lines").toString()).isEqualTo(billed.toString());
		assertThat(read.get("entryCount").asInt()).isEqualTo(4);
		assertThat(billing.get("/api/v1/invoices?contactId=" + fx.contact).json()).singleElement()
			.satisfies(listed -> assertThat(listed.get("number").asText()).isEqualTo(invoice.get("number").asText()));
	}

	@Test
	void aManagerBillsOnlyApprovalsTheyMayRead() {
		fx.entry(fx.website, fx.design, MONDAY, 60, "100.00", "Sketch");
		JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
		TestUsers.TestUser otherTeam = TestUsers.create(jdbc, "MANAGER");

		Api.Response refused = otherTeam.client(api).post("/api/v1/invoices/from-time",
				Map.of("approvalId", approval.get("id").asText()));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
		assertThat(refused.body()).doesNotContain("100.00");
		assertThat(jdbc.sql("select count(*) from invoice where approval_id = ?").param(approval.get("id").asLong())
			.query(Long.class).single()).isZero();
		assertThat(billing.post("/api/v1/invoices/from-time", Map.of("approvalId", approval.get("id").asText()))
			.status()).isEqualTo(201);
	}

	@Test
	void anApprovalThatIsNotApprovedOrAlreadyInvoicedIsRefused() {
		fx.entry(fx.website, fx.design, MONDAY, 60, "100.00", "Sketch");
		JsonNode pending = fx.sendForApproval(api, MONDAY, MONDAY.plusDays(6), "PROJECT");

		Api.Response notApproved = billing.post("/api/v1/invoices/from-time", Map.of("approvalId", pending.get("id").asText()));
		assertThat(notApproved.status()).isEqualTo(409);
		assertThat(notApproved.contentType()).startsWith("application/problem+json");
		assertThat(notApproved.json().get("detail").asText()).contains("SENT");

		BillingFixture.approve(context, pending);
		assertThat(billing.post("/api/v1/invoices/from-time", Map.of("approvalId", pending.get("id").asText())).status())
			.isEqualTo(201);
		Api.Response again = billing.post("/api/v1/invoices/from-time", Map.of("approvalId", pending.get("id").asText()));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asText()).contains("already invoiced");
		assertThat(jdbc.sql("select count(*) from invoice where approval_id = ?").param(pending.get("id").asLong())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aRangeBillsTheClientsFinalizedBillableEntriesGroupedByProjectActivityAndRate() {
		long a = fx.entry(fx.website, fx.design, MONDAY, 90, "120.00", "Logo");
		long b = fx.entry(fx.website, fx.design, MONDAY.plusDays(1), 30, "120.00", "Logo again");
		long c = fx.entry(fx.website, fx.design, MONDAY.plusDays(2), 60, "150.00", "Rush work");
		long d = fx.entry(fx.website, fx.management, MONDAY.plusDays(2), 45, "80.00", "Call");
		long cost = fx.fixedCost(fx.brochure, MONDAY.plusDays(3), "99.90", "Courier");
		long open = fx.entry(fx.brochure, fx.design, MONDAY, 60, "100.00", "Still open");
		long notBillable = fx.entry(fx.brochure, fx.design, MONDAY, 60, "100.00", "Internal");
		jdbc.sql("update time_entry set billable = false where id = ?").param(notBillable).update();
		long flagged = fx.entry(fx.brochure, fx.design, MONDAY, 60, "100.00", "Budget work");
		jdbc.sql("update time_entry set not_invoiced = true where id = ?").param(flagged).update();
		long obsoleteProject = fx.project("Old " + fx.unique);
		jdbc.sql("update project set status = 'OBSOLETE' where id = ?").param(obsoleteProject).update();
		long obsolete = fx.entry(obsoleteProject, fx.design, MONDAY, 60, "100.00", "Obsolete");
		long outside = fx.entry(fx.website, fx.design, MONDAY.plusDays(10), 60, "120.00", "Later");
		fx.finalizeDirectly(a, b, c, d, cost, notBillable, flagged, obsolete, outside);

		Api.Response response = billing.post("/api/v1/invoices/from-time", Map.of("contactId", String.valueOf(fx.contact),
				"from", MONDAY.toString(), "to", MONDAY.plusDays(6).toString()));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		JsonNode invoice = response.json();
		assertThat(invoice.has("approvalId")).isTrue();
		assertThat(invoice.get("approvalId").isNull()).isTrue();
		assertThat(ids(invoice.get("entryIds"))).containsExactlyInAnyOrder(a, b, c, d, cost);
		List<String> lines = new ArrayList<>();
		for (JsonNode line : invoice.get("lines")) {
			lines.add(text(line, "description") + " | " + text(line, "hours") + " | " + text(line, "rate") + " | "
					+ text(line, "amount"));
		}
		assertThat(lines).containsExactly(
				"Brochure " + fx.unique + " — Printing " + fx.unique + ": Courier | null | null | 99.90",
				"Website " + fx.unique + " — Design " + fx.unique + " | 2.00 | 120.00 | 240.00",
				"Website " + fx.unique + " — Design " + fx.unique + " | 1.00 | 150.00 | 150.00",
				"Website " + fx.unique + " — Management " + fx.unique + " | 0.75 | 80.00 | 60.00");
		assertThat(invoice.get("total").asText()).isEqualTo("549.90");
		assertThat(fx.status(open)).isEqualTo("OPEN");
		assertThat(fx.status(outside)).isEqualTo("FINALIZED");
		assertThat(fx.status(a)).isEqualTo("BILLED");

		Api.Response nothingLeft = billing.post("/api/v1/invoices/from-time", Map.of("contactId",
				String.valueOf(fx.contact), "from", MONDAY.toString(), "to", MONDAY.plusDays(6).toString()));
		assertThat(nothingLeft.status()).isEqualTo(409);
		assertThat(nothingLeft.json().get("detail").asText()).contains("nothing is billable");
	}

	@Test
	void voidingReleasesTheEntriesAndTheApprovalForANewInvoice() {
		long logo = fx.entry(fx.website, fx.design, MONDAY, 60, "100.00", "Logo");
		JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
		JsonNode invoice = billing.post("/api/v1/invoices/from-time", Map.of("approvalId", approval.get("id").asText())).json();
		String id = invoice.get("id").asText();

		Api.Response voided = billing.post("/api/v1/invoices/" + id + "/void", Map.of("reason", "Wrong client"));

		assertThat(voided.status()).as(voided.toString()).isEqualTo(200);
		assertThat(voided.json().get("status").asText()).isEqualTo("VOID");
		assertThat(voided.json().get("voidReason").asText()).isEqualTo("Wrong client");
		Map<String, Object> row = fx.row(logo);
		assertThat(row.get("status")).isEqualTo("FINALIZED");
		assertThat(row.get("invoice_id")).isNull();
		assertThat(row.get("billed_on")).isNull();
		assertThat(jdbc.sql("select invoice_id from client_approval where id = ?").param(approval.get("id").asLong())
			.query(Long.class).optional().orElse(null)).isNull();
		// what the voided invoice covered stays on record
		assertThat(ids(billing.get("/api/v1/invoices/" + id).json().get("entryIds"))).containsExactly(logo);
		assertThat(fx.auditActions(id)).containsExactly("CREATE", "VOID");

		Api.Response twice = billing.post("/api/v1/invoices/" + id + "/void", null);
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("detail").asText()).contains("VOID");
		assertThat(billing.post("/api/v1/invoices/" + id + "/send", null).status()).isEqualTo(409);

		Api.Response renewed = billing.post("/api/v1/invoices/from-time", Map.of("approvalId", approval.get("id").asText()));
		assertThat(renewed.status()).as(renewed.toString()).isEqualTo(201);
		assertThat(renewed.json().get("number").asText()).isNotEqualTo(invoice.get("number").asText());
		assertThat(fx.status(logo)).isEqualTo("BILLED");
	}

	@Test
	void sendThenPayMovesTheStatusOnceAndQueuesTheMailWithThePdf() {
		fx.entry(fx.website, fx.design, MONDAY, 60, "100.00", "Logo");
		JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
		String id = billing.post("/api/v1/invoices/from-time", Map.of("approvalId", approval.get("id").asText())).json()
			.get("id").asText();

		assertThat(billing.post("/api/v1/invoices/" + id + "/pay", null).status()).as("a draft is not paid").isEqualTo(409);
		Api.Response sent = billing.post("/api/v1/invoices/" + id + "/send", null);
		assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
		assertThat(sent.json().get("status").asText()).isEqualTo("SENT");
		assertThat(sent.json().get("sentAt").asText()).isNotBlank();
		Api.Response again = billing.post("/api/v1/invoices/" + id + "/send", null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asText()).contains("SENT");
		var queued = jdbc.sql("select subject, attachment_name, attachment from mail_outbox where recipient = ?")
			.param(fx.contactEmail).query().listOfRows();
		assertThat(queued).hasSize(1);
		assertThat((String) queued.get(0).get("subject")).contains(sent.json().get("number").asText());
		assertThat((String) queued.get(0).get("attachment_name")).endsWith(".pdf");
		assertThat(new String((byte[]) queued.get(0).get("attachment"), 0, 5)).isEqualTo("%PDF-");

		Api.Response paid = billing.post("/api/v1/invoices/" + id + "/pay", null);
		assertThat(paid.status()).isEqualTo(200);
		assertThat(paid.json().get("status").asText()).isEqualTo("PAID");
		Api.Response voidPaid = billing.post("/api/v1/invoices/" + id + "/void", Map.of());
		assertThat(voidPaid.status()).isEqualTo(409);
		assertThat(voidPaid.json().get("detail").asText()).contains("PAID");
		assertThat(fx.auditActions(id)).containsExactly("CREATE", "SEND", "PAY");
	}

	@Test
	void staffSeeNoInvoicesAndAuditorsOnlyRead() {
		long logo = fx.entry(fx.website, fx.design, MONDAY, 60, "100.00", "Logo");
		JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
		Api.Client staff = fx.staff.client(api);

		Api.Response staffCreates = staff.post("/api/v1/invoices/from-time", Map.of("approvalId", approval.get("id").asText()));
		assertThat(staffCreates.status()).isEqualTo(403);
		assertThat(fx.status(logo)).isEqualTo("FINALIZED");

		String id = billing.post("/api/v1/invoices/from-time", Map.of("approvalId", approval.get("id").asText())).json()
			.get("id").asText();
		assertThat(staff.get("/api/v1/invoices/" + id).status()).isEqualTo(404);
		assertThat(staff.get("/api/v1/invoices").status()).isEqualTo(403);
		assertThat(staff.post("/api/v1/invoices/" + id + "/send", null).status()).isEqualTo(403);
		assertThat(staff.post("/api/v1/invoices/" + id + "/void", null).status()).isEqualTo(403);

		Api.Client auditor = TestUsers.create(jdbc, "AUDITOR").client(api);
		assertThat(auditor.get("/api/v1/invoices/" + id).status()).isEqualTo(200);
		assertThat(auditor.get("/api/v1/invoices?contactId=" + fx.contact).json().size()).isEqualTo(1);
		assertThat(auditor.post("/api/v1/invoices/" + id + "/void", null).status()).isEqualTo(403);
		assertThat(auditor.post("/api/v1/invoices/from-time", Map.of("contactId", String.valueOf(fx.contact), "from",
				MONDAY.toString(), "to", MONDAY.toString())).status()).isEqualTo(403);
		assertThat(admin().post("/api/v1/invoices/" + id + "/send", null).status()).isEqualTo(200);
	}

	@Test
	void badInputIsAProblemNamingTheField() {
		Api.Response empty = billing.post("/api/v1/invoices/from-time", Map.of());
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().get("errors").toString()).contains("approvalId");

		Api.Response partial = billing.post("/api/v1/invoices/from-time", Map.of("contactId", String.valueOf(fx.contact)));
		assertThat(partial.status()).isEqualTo(400);
		assertThat(partial.json().get("errors").toString()).contains("\"from\"", "\"to\"");

		Api.Response both = billing.post("/api/v1/invoices/from-time", Map.of("approvalId", "1", "contactId", "2"));
		assertThat(both.status()).isEqualTo(400);
		assertThat(both.json().get("errors").toString()).contains("contactId");

		Api.Response malformed = billing.post("/api/v1/invoices/from-time", Map.of("approvalId", "abc"));
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("errors").toString()).contains("approvalId");

		Api.Response badDate = billing.post("/api/v1/invoices/from-time", Map.of("contactId", "1", "from", "yesterday",
				"to", "2021-03-01"));
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.json().get("errors").toString()).contains("from");

		Api.Response backwards = billing.post("/api/v1/invoices/from-time", Map.of("contactId", String.valueOf(fx.contact),
				"from", "2021-03-05", "to", "2021-03-01"));
		assertThat(backwards.status()).isEqualTo(422);
		assertThat(backwards.json().get("errors").toString()).contains("\"to\"");

		assertThat(billing.post("/api/v1/invoices/from-time", Map.of("contactId", "999999999", "from", "2021-03-01",
				"to", "2021-03-05")).status()).isEqualTo(422);
		assertThat(billing.post("/api/v1/invoices/from-time", Map.of("approvalId", "999999999")).status()).isEqualTo(404);
		assertThat(billing.get("/api/v1/invoices/not-a-number").status()).isEqualTo(404);
		assertThat(billing.get("/api/v1/invoices/999999999").status()).isEqualTo(404);
		assertThat(billing.post("/api/v1/invoices/from-time", "{not json").status()).isEqualTo(400);
		assertThat(billing.post("/api/v1/invoices/999999999/void", Map.of("reason", "x".repeat(1001))).status())
			.isEqualTo(400);
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asText();
	}

	static List<Long> ids(JsonNode array) {
		List<Long> ids = new ArrayList<>();
		array.forEach(id -> {
			assertThat(id.isTextual()).as("ids are strings").isTrue();
			ids.add(Long.valueOf(id.asText()));
		});
		return ids;
	}
}
