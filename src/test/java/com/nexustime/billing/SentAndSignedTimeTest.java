package com.nexustime.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.workspace.WorkspaceSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What was sent is what is signed and what is billed: the entries of a pending client approval are locked for
 * their owner, the owner's manager and admins, through every way of changing them, until the request is
 * cancelled; entries the client signed stay as signed even for admins; a range invoice bills signed entries at
 * the signed values.
 */
class SentAndSignedTimeTest extends IntegrationTest {

	static final LocalDate MONDAY = LocalDate.of(2021, 3, 1);


	@Autowired
	WorkspaceSettings workspace;

	private BillingFixture fx;

	private Api.Client owner;

	private Api.Client manager;

	@BeforeEach
	void setUp() {
		fx = new BillingFixture(jdbc);
		jdbc.sql("update app_user set manager_id = ? where id = ?").params(fx.manager.id(), fx.staff.id()).update();
		owner = fx.staff.client(api);
		manager = fx.manager.client(api);
	}

	@Test
	void aPendingRequestLocksItsEntriesForEveryoneOnEveryPathUntilItIsCancelled() {
		long entry = fx.entry(fx.website, fx.design, MONDAY, 60, "120.00", "Logo sketches");
		JsonNode approval = fx.sendForApproval(api, MONDAY, MONDAY.plusDays(6), "PROJECT");
		String request = "(request " + approval.get("id").asText() + ")";

		for (Api.Client who : List.of(owner, manager, admin())) {
			Api.Response edit = who.patch("/api/v1/time-entries/" + entry, Map.of("minutes", 30));
			assertThat(edit.status()).as(edit.toString()).isEqualTo(409);
			assertThat(edit.contentType()).startsWith("application/problem+json");
			assertThat(edit.json().get("detail").asText()).contains("client approval sent to Client " + fx.unique,
					request, "cancel it to change the entry");
			Api.Response delete = who.delete("/api/v1/time-entries/" + entry);
			assertThat(delete.status()).as(delete.toString()).isEqualTo(409);
			assertThat(delete.json().get("detail").asText()).contains(request);
		}

		// the weekly grid shows the cell locked and refuses to change it
		String week = "/api/v1/timesheets/" + workspace.current().weekContaining(MONDAY);
		int day = (int) (MONDAY.toEpochDay() - workspace.current().weekContaining(MONDAY).toEpochDay());
		assertThat(cellLocked(owner.get(week).json(), day)).isTrue();
		Api.Response grid = owner.put(week, gridWith(day, "0.5"));
		assertThat(grid.status()).as(grid.toString()).isEqualTo(409);
		assertThat(grid.json().get("detail").asText()).contains(request);
		Api.Response managersGrid = manager.put(week, Map.of("userId", String.valueOf(fx.staff.id()), "rows",
				gridWith(day, "2").get("rows")));
		assertThat(managersGrid.status()).as(managersGrid.toString()).isEqualTo(409);

		assertThat(minutes(entry)).isEqualTo(60);
		assertThat(fx.status(entry)).isEqualTo("IN_PROCESS");

		// cancelling the request gives the entry back
		assertThat(manager.delete("/api/v1/approvals/" + approval.get("id").asText()).status()).isEqualTo(204);
		assertThat(cellLocked(owner.get(week).json(), day)).isFalse();
		Api.Response edited = owner.patch("/api/v1/time-entries/" + entry, Map.of("minutes", 45));
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		Api.Response regridded = owner.put(week, gridWith(day, "1"));
		assertThat(regridded.status()).as(regridded.toString()).isEqualTo(200);
		assertThat(minutes(entry)).isEqualTo(60);
	}

	@Test
	void whatTheClientSignedNobodyChangesAndARangeInvoiceBillsItAsSigned() {
		long entry = fx.entry(fx.website, fx.design, MONDAY, 60, "120.00", "Logo sketches");
		JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
		String request = "(request " + approval.get("id").asText() + ")";
		assertThat(fx.status(entry)).isEqualTo("FINALIZED");

		for (Api.Client who : List.of(admin(), manager, owner)) {
			Api.Response edit = who.patch("/api/v1/time-entries/" + entry, Map.of("minutes", 30));
			assertThat(edit.status()).as(edit.toString()).isEqualTo(409);
			assertThat(edit.json().get("detail").asText()).contains("signed", request);
		}
		Api.Response delete = admin().delete("/api/v1/time-entries/" + entry);
		assertThat(delete.status()).as(delete.toString()).isEqualTo(409);
		assertThat(minutes(entry)).isEqualTo(60);

		JsonNode invoice = rangeInvoice();
		assertThat(invoice.get("lines")).hasSize(1);
		JsonNode line = invoice.get("lines").get(0);
		assertThat(line.get("hours").asText()).isEqualTo("1.00");
		assertThat(line.get("rate").asText()).isEqualTo("120.00");
		assertThat(line.get("amount").asText()).isEqualTo("120.00");
		assertThat(invoice.get("total").asText()).isEqualTo("120.00");
	}

	@Test
	void aRangeInvoiceBillsTheSignedValuesEvenOfAnEntryChangedBehindTheRules() {
		long signed = fx.entry(fx.website, fx.design, MONDAY, 60, "120.00", "Logo sketches");
		fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
		// as the running app did before entries of a pending request were locked: the entry changed after sending
		jdbc.sql("update time_entry set minutes = 30, rate = 150.00, amount = 75.00 where id = ?").param(signed).update();
		// an entry finalized by an admin, never sent to the client, is billed as it stands
		long unsent = fx.entry(fx.brochure, fx.design, MONDAY.plusDays(7), 90, "100.00", "Brochure layout");
		fx.finalizeDirectly(unsent);

		JsonNode invoice = rangeInvoice();

		List<String> lines = new ArrayList<>();
		invoice.get("lines").forEach(l -> lines.add(l.get("group").asText().replace(" " + fx.unique, "") + " "
				+ l.get("hours").asText() + " h × " + l.get("rate").asText() + " = " + l.get("amount").asText()));
		assertThat(lines).containsExactly("Brochure 1.50 h × 100.00 = 150.00", "Website 1.00 h × 120.00 = 120.00");
		assertThat(invoice.get("total").asText()).isEqualTo("270.00");
	}

	@Test
	void theInvoiceFromTheApprovalBillsTheSnapshotWhateverTheEntryHoldsNow() {
		long signed = fx.entry(fx.website, fx.design, MONDAY, 60, "120.00", "Logo sketches");
		JsonNode approval = fx.approvedApproval(api, context, MONDAY, MONDAY.plusDays(6), "PROJECT");
		jdbc.sql("update time_entry set minutes = 30, amount = 60.00 where id = ?").param(signed).update();

		Api.Response made = manager.post("/api/v1/invoices/from-time", Map.of("approvalId", approval.get("id").asText()));

		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		JsonNode line = made.json().get("lines").get(0);
		assertThat(line.get("hours").asText()).isEqualTo("1.00");
		assertThat(line.get("amount").asText()).isEqualTo("120.00");
	}

	@Test
	void anEntryFinalizedByAnAdminKeepsTheAuditedAdminOverride() {
		long entry = fx.entry(fx.website, fx.design, MONDAY, 60, "120.00", "Logo sketches");
		fx.finalizeDirectly(entry);

		assertThat(manager.patch("/api/v1/time-entries/" + entry, Map.of("minutes", 30)).status()).isEqualTo(409);
		Api.Response override = admin().patch("/api/v1/time-entries/" + entry, Map.of("minutes", 30));

		assertThat(override.status()).as(override.toString()).isEqualTo(200);
		assertThat(jdbc.sql("select action from audit_log where entity_type = 'TimeEntry' and entity_id = ? "
				+ "order by id desc limit 1").param(String.valueOf(entry)).query(String.class).single())
			.isEqualTo("UPDATE_OVERRIDE");
	}

	private JsonNode rangeInvoice() {
		Api.Response made = manager.post("/api/v1/invoices/from-time", Map.of("contactId", String.valueOf(fx.contact),
				"from", MONDAY.toString(), "to", MONDAY.plusDays(13).toString()));
		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		return made.json();
	}

	private Map<String, Object> gridWith(int day, String hours) {
		List<String> week = new ArrayList<>(List.of("", "", "", "", "", "", ""));
		week.set(day, hours);
		return Map.of("rows", List.of(Map.of("projectId", String.valueOf(fx.website), "activityId",
				String.valueOf(fx.design), "hours", week)));
	}

	private boolean cellLocked(JsonNode grid, int day) {
		for (JsonNode row : grid.get("rows")) {
			if (row.get("projectId").asText().equals(String.valueOf(fx.website))) {
				return row.get("locked").get(day).asBoolean();
			}
		}
		throw new AssertionError("no row of the website project in " + grid);
	}

	private int minutes(long entry) {
		return jdbc.sql("select minutes from time_entry where id = ?").param(entry).query(Integer.class).single();
	}
}
