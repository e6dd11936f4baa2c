package com.nexustime.billing;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import com.nexustime.catalog.PerPieceFixture;
import com.nexustime.support.Api;
import com.nexustime.support.EditedRules;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed scenario: a per-piece project with two artworks of different tiers and one alteration is billed at
 * exactly the two tier prices and the alteration, one line per artwork, its time billed with it.
 */
class PerPieceInvoiceTest extends IntegrationTest {

	private static final LocalDate DAY = LocalDate.now().minusDays(3);

	private Api.Response invoice(PerPieceFixture fx) {
		return admin().post("/api/v1/invoices/from-time", Map.of("contactId", String.valueOf(fx.contact), "from",
				DAY.minusDays(10).toString(), "to", DAY.plusDays(1).toString()));
	}

	@Test
	void completedArtworksAreBilledAtTheirTierPricesPlusTheAlterationAndTheSummaryAgrees() {
		PerPieceFixture fx = new PerPieceFixture(jdbc, admin());
		fx.price(null, fx.tier("Simple"), "150.00", null);
		fx.price(null, fx.tier("Complex"), "400.00", null);
		fx.price(fx.contact, null, "35.00", null);
		long box = fx.artwork(fx.project, "A-101", fx.tier("Complex"), 1);
		long label = fx.artwork(fx.project, "A-102", fx.tier("Simple"), 0);
		long boxDesign = fx.entry(fx.project, box, DAY, 180, "90.00");
		long boxProof = fx.entry(fx.project, box, DAY.plusDays(1), 60, "90.00");
		long labelDesign = fx.entry(fx.project, label, DAY, 90, "90.00");

		JsonNode completed = fx.complete(box);
		assertThat(completed.get("price").asText()).isEqualTo("435.00");
		assertThat(fx.status(boxDesign)).isEqualTo("FINALIZED");
		assertThat(fx.status(boxProof)).isEqualTo("FINALIZED");
		assertThat(fx.status(labelDesign)).as("another artwork's time waits for it").isEqualTo("OPEN");
		assertThat(jdbc.sql("""
				select count(*) from audit_log where entity_type = 'TimeEntry' and action = 'FINALIZE'
				   and entity_id in (?, ?)""").params(String.valueOf(boxDesign), String.valueOf(boxProof))
			.query(Long.class).single()).isEqualTo(2);
		fx.complete(label);

		Api.Response response = invoice(fx);

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		JsonNode invoice = response.json();
		JsonNode lines = invoice.get("lines");
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0).get("description").asText())
			.isEqualTo("Packaging " + fx.unique + " — Artwork A-101 (tier " + fx.tier("Complex") + ", 1 alteration)");
		assertThat(lines.get(0).get("amount").asText()).isEqualTo("435.00");
		assertThat(lines.get(0).get("hours").asText()).isEqualTo("4.00");
		assertThat(lines.get(0).hasNonNull("rate")).as("not priced per hour").isFalse();
		assertThat(lines.get(1).get("description").asText())
			.isEqualTo("Packaging " + fx.unique + " — Artwork A-102 (tier " + fx.tier("Simple") + ", 0 alterations)");
		assertThat(lines.get(1).get("amount").asText()).isEqualTo("150.00");
		assertThat(invoice.get("total").asText()).isEqualTo("585.00");
		for (long entry : new long[] { boxDesign, boxProof, labelDesign }) {
			assertThat(fx.status(entry)).isEqualTo("BILLED");
		}

		JsonNode summary = admin().get("/api/v1/projects/" + fx.project + "/summary").json();
		assertThat(summary.get("perPiece").asText()).isEqualTo("585.00");

		assertThat(invoice(fx).status()).as("nothing is left to bill").isEqualTo(409);
	}

	@Test
	void theTimeOfAnArtworkInProgressWaitsForItsCompletion() {
		PerPieceFixture fx = new PerPieceFixture(jdbc, admin());
		fx.price(null, fx.tier("Simple"), "150.00", null);
		long done = fx.artwork(fx.project, "B-1", fx.tier("Simple"), 0);
		long open = fx.artwork(fx.project, "B-2", fx.tier("Simple"), 0);
		long doneEntry = fx.entry(fx.project, done, DAY, 60, "90.00");
		long openEntry = fx.entry(fx.project, open, DAY, 60, "90.00");
		fx.complete(done);
		// an admin's finalization through a date also finalizes the unfinished artwork's time
		jdbc.sql("update time_entry set status = 'FINALIZED', finalized_at = now() where id = ?").param(openEntry).update();

		JsonNode invoice = invoice(fx).json();

		assertThat(invoice.get("lines")).hasSize(1);
		assertThat(invoice.get("total").asText()).isEqualTo("150.00");
		assertThat(fx.status(doneEntry)).isEqualTo("BILLED");
		assertThat(fx.status(openEntry)).isEqualTo("FINALIZED");
	}

	@Test
	void anArtworkThePriceListCannotPriceIsRefusedNamingIt() {
		PerPieceFixture fx = new PerPieceFixture(jdbc, admin());
		long art = fx.artwork(fx.project, "C-1", fx.tier("Unpriced"), 0);
		fx.entry(fx.project, art, DAY, 60, "90.00");
		fx.complete(art);

		Api.Response response = invoice(fx);

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.contentType()).contains("application/problem+json");
		assertThat(response.body()).contains("C-1").contains("no price for its complexity tier");
	}

	@Test
	void anEditedPricingRuleChangesTheBilledPrice() {
		PerPieceFixture fx = new PerPieceFixture(jdbc, admin());
		fx.price(null, fx.tier("Complex"), "400.00", null);
		fx.price(fx.contact, fx.tier("Complex"), "380.00", null);
		long art = fx.artwork(fx.project, "D-1", fx.tier("Complex"), 0);
		fx.entry(fx.project, art, DAY, 60, "90.00");
		fx.complete(art);
		assertThat(fx.priceOf(art).get("price").asText()).isEqualTo("380.00");

		// the process owner makes the workspace's tier price win over the client's
		try (EditedRules edited = EditedRules.replace(admin(), "artwork-pricing.drl", """
				rule "The client's price for the artwork's tier"
				    ruleflow-group "artwork-pricing"
				    salience 60""", """
				rule "The client's price for the artwork's tier"
				    ruleflow-group "artwork-pricing"
				    salience 40""")) {
			JsonNode invoice = invoice(fx).json();
			assertThat(invoice.get("total").asText()).isEqualTo("400.00");
		}
		assertThat(fx.priceOf(art).get("price").asText()).isEqualTo("380.00");
	}

	@Test
	void aClientApprovalDoesNotSendArtworkTimeByTheHour() {
		PerPieceFixture fx = new PerPieceFixture(jdbc, admin());
		long art = fx.artwork(fx.project, "A-301", fx.tier("Simple"), 0);
		long onArtwork = fx.entry(fx.project, art, DAY, 120, "90.00");
		long loose = jdbc.sql("""
				insert into time_entry (type, user_id, project_id, activity_id, entry_date, minutes, rate, amount,
				                        description)
				values ('ACTIVITY', ?, ?, ?, ?, 60, 90.00, 90.00, 'briefing call') returning id""")
			.params(fx.staff.id(), fx.project, fx.activity, DAY).query(Long.class).single();

		Api.Response sent = admin().post("/api/v1/approvals", Map.of("contactId", String.valueOf(fx.contact), "from",
				DAY.minusDays(1).toString(), "to", DAY.plusDays(1).toString(), "grouping", "PROJECT"));

		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		assertThat(jdbc.sql("select entry_id from approval_entry where approval_id = ?")
			.param(sent.json().get("id").asLong()).query(Long.class).list())
			.as("invoicing.drl keeps time on an artwork out of an hourly signature").containsExactly(loose);
		assertThat(jdbc.sql("select status from time_entry where id = ?").param(onArtwork).query(String.class).single())
			.isEqualTo("OPEN");
	}
}
