package com.nexustime.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.EditedRules;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "May this entry be invoiced" is decided by rules/invoicing.drl alone: with a rule added to the test copy that
 * refuses one activity, the range invoice, the invoice from an approval, what an approval sends and the project's
 * Time tab all leave that activity's entries out; with the shipped rules back they take them again.
 */
class InvoicingRuleTest extends IntegrationTest {

	private static final LocalDate MONDAY = LocalDate.of(2026, 6, 1);

	private BillingFixture fx;

	private Api.Client billing;

	@BeforeEach
	void setUp() {
		fx = new BillingFixture(jdbc);
		billing = fx.manager.client(api);
	}

	/** Adds a rule that refuses the fixture's management activity, as a process owner would in the file. */
	private EditedRules managementNotInvoiced() {
		String anchor = "rule \"Non-billable time is not invoiced\"";
		return EditedRules.replace(admin(), "invoicing.drl", anchor, """
				rule "Management time of the test client is not invoiced"
				    ruleflow-group "invoicing"
				when
				    $entry : InvoiceCandidate( activityId == %dL )
				then
				    invoiceRefusals.refuse( $entry, "management time is not invoiced any more" );
				end

				""".formatted(fx.management) + anchor);
	}

	private Api.Response rangeInvoice() {
		return billing.post("/api/v1/invoices/from-time", Map.of("contactId", String.valueOf(fx.contact), "from",
				MONDAY.toString(), "to", MONDAY.plusDays(6).toString()));
	}

	@Test
	void theRangeInvoiceFollowsAnEditedRule() {
		long design = fx.entry(fx.website, fx.design, MONDAY, 60, "100.00", "Design");
		long management = fx.entry(fx.website, fx.management, MONDAY, 30, "80.00", "Meeting");
		fx.finalizeDirectly(design, management);

		try (EditedRules edited = managementNotInvoiced()) {
			Api.Response response = rangeInvoice();
			assertThat(response.status()).as(response.toString()).isEqualTo(201);
			assertThat(ids(response.json().get("entryIds"))).containsExactly(design);
			assertThat(response.json().get("total").asText()).isEqualTo("100.00");
			assertThat(fx.status(management)).isEqualTo("FINALIZED");
			// nothing else in the range may be invoiced under the edited rule
			assertThat(rangeInvoice().status()).isEqualTo(409);
		}
		Api.Response shipped = rangeInvoice();
		assertThat(shipped.status()).as(shipped.toString()).isEqualTo(201);
		assertThat(ids(shipped.json().get("entryIds"))).containsExactly(management);
	}

	@Test
	void theInvoiceFromAnApprovalFollowsAnEditedRule() {
		fx.entry(fx.website, fx.design, MONDAY, 60, "100.00", "Design");
		long management = fx.entry(fx.website, fx.management, MONDAY, 30, "80.00", "Meeting");
		JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
		Map<String, String> convert = Map.of("approvalId", approval.get("id").asText());

		try (EditedRules edited = managementNotInvoiced()) {
			Api.Response refused = billing.post("/api/v1/invoices/from-time", convert);
			assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
			assertThat(refused.json().get("detail").asText()).contains("entry " + management)
				.contains("management time is not invoiced any more");
			assertThat(fx.status(management)).isEqualTo("FINALIZED");
		}
		Api.Response converted = billing.post("/api/v1/invoices/from-time", convert);
		assertThat(converted.status()).as(converted.toString()).isEqualTo(201);
		assertThat(fx.status(management)).isEqualTo("BILLED");
	}

	@Test
	void whatAnApprovalSendsFollowsAnEditedRule() {
		long design = fx.entry(fx.website, fx.design, MONDAY, 60, "100.00", "Design");
		long management = fx.entry(fx.website, fx.management, MONDAY, 30, "80.00", "Meeting");
		try (EditedRules edited = managementNotInvoiced()) {
			JsonNode approval = fx.sendForApproval(api, MONDAY, MONDAY.plusDays(6), "PROJECT");
			assertThat(covered(approval.get("id").asLong())).containsExactly(design);
			assertThat(fx.status(management)).isEqualTo("OPEN");
		}
	}

	@Test
	void theProjectTimeTabFollowsAnEditedRule() {
		long project = fx.project("Tab " + fx.unique);
		fx.entry(project, fx.design, MONDAY, 60, "100.00", "Design");
		long management = fx.entry(project, fx.management, MONDAY, 30, "80.00", "Meeting");
		Api.Client admin = admin();

		JsonNode shipped = admin.get("/api/v1/projects/" + project + "/summary").json();
		assertThat(shipped.get("notBilled").asText()).isEqualTo("140.00");
		assertThat(shipped.get("notBilledHourly").asText()).isEqualTo("40.00");
		try (EditedRules edited = managementNotInvoiced()) {
			JsonNode summary = admin.get("/api/v1/projects/" + project + "/summary").json();
			assertThat(summary.get("notBilled").asText()).isEqualTo("100.00");
			assertThat(summary.get("notBilledHourly").asText()).isEqualTo("0.00");
			JsonNode grid = admin.get("/api/v1/projects/" + project + "/dollars").json();
			for (JsonNode row : grid.get("rows")) {
				assertThat(row.get("inBilling").asBoolean()).as("row %s", row).isEqualTo(row.get("id").asLong() != management);
			}
			String page = admin.get("/projects/" + project + "/time").body();
			assertThat(page).containsPattern("id=\"summary-not-billed\"[^>]*>100\\.00<");
		}
		String page = admin.get("/projects/" + project + "/time").body();
		assertThat(page).containsPattern("id=\"summary-not-billed\"[^>]*>140\\.00<");
	}

	private List<Long> covered(long approvalId) {
		return jdbc.sql("select entry_id from approval_entry where approval_id = ? order by entry_id").param(approvalId)
			.query(Long.class).list();
	}

	private static List<Long> ids(JsonNode array) {
		List<Long> ids = new ArrayList<>();
		array.forEach(id -> ids.add(id.asLong()));
		return ids;
	}
}
