package com.nexustime.tracking;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An entry on an activity marked non-billable comes out non-billable on every save path when the person does
 * not say otherwise; an explicit choice is still honoured.
 */
class BillableDefaultTest extends IntegrationTest {

	private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

	private TrackingFixture f;

	private long internal;

	@BeforeEach
	void fixture() {
		f = new TrackingFixture(jdbc);
		f.projectRate(f.project, "100.00", LocalDate.of(2020, 1, 1));
		internal = jdbc.sql("insert into activity (name, category, billable) values (?, 'MANAGEMENT', false) returning id")
			.param("Internal " + f.unique).query(Long.class).single();
	}

	@Test
	void theApiTakesTheActivitysFlagWhenBillableIsLeftOut() {
		var entry = create(Map.of("type", "ACTIVITY", "projectId", f.project, "activityId", internal, "date",
				MONDAY.toString(), "minutes", 60));
		assertThat(entry.get("billable").asBoolean()).isFalse();
		// non-billable time keeps its rate and amount (its value and cost); invoicing leaves it out
		assertThat(entry.get("rate").asText()).isEqualTo("100.00");
		assertThat(entry.get("amount").asText()).isEqualTo("100.00");

		var onBillable = create(Map.of("type", "ACTIVITY", "projectId", f.project, "activityId", f.design, "date",
				MONDAY.toString(), "minutes", 60));
		assertThat(onBillable.get("billable").asBoolean()).isTrue();

		var saidSo = create(Map.of("type", "ACTIVITY", "projectId", f.project, "activityId", internal, "date",
				MONDAY.toString(), "minutes", 30, "billable", true));
		assertThat(saidSo.get("billable").asBoolean()).isTrue();
	}

	@Test
	void theEntryFormTakesTheActivitysFlagWhenTheFieldIsAbsent() {
		FormSession browser = FormSession.signIn(port, f.staff.email(), TestUsers.PASSWORD);
		browser.get("/time");
		var saved = browser.post("/time", Map.of("type", "ACTIVITY", "date", MONDAY.toString(), "projectId",
				String.valueOf(f.project), "activityId", String.valueOf(internal), "hours", "1", "description", "absent"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		browser.get("/time");
		var ticked = browser.post("/time", Map.of("type", "ACTIVITY", "date", MONDAY.toString(), "projectId",
				String.valueOf(f.project), "activityId", String.valueOf(internal), "hours", "1", "description", "ticked",
				"billable", "true", "_billable", "on"));
		assertThat(ticked.status()).isEqualTo(302);
		browser.get("/time");
		var unticked = browser.post("/time", Map.of("type", "ACTIVITY", "date", MONDAY.toString(), "projectId",
				String.valueOf(f.project), "activityId", String.valueOf(f.design), "hours", "1", "description",
				"unticked", "_billable", "on"));
		assertThat(unticked.status()).isEqualTo(302);

		assertThat(billableOf("absent")).isFalse();
		assertThat(billableOf("ticked")).isTrue();
		assertThat(billableOf("unticked")).isFalse();
	}

	@Test
	void theFormsPickerCarriesEachActivitysFlag() {
		var offered = f.staff.client(api).get("/api/v1/activities/available?projectId=" + f.project).json();
		Map<Long, Boolean> flags = new HashMap<>();
		offered.forEach(a -> flags.put(a.get("id").asLong(), a.get("billable").asBoolean()));
		assertThat(flags).containsEntry(internal, false).containsEntry(f.design, true);
	}

	@Test
	void theGridsNewEntriesTakeTheActivitysFlag() {
		var saved = f.staff.client(api).put("/api/v1/timesheets/" + MONDAY, Map.of("rows", List.of(
				Map.of("projectId", f.project, "activityId", internal, "hours", List.of("2", "", "", "", "", "", "")),
				Map.of("projectId", f.project, "activityId", f.design, "hours", List.of("3", "", "", "", "", "", "")))));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(billableOn(internal)).containsExactly(false);
		assertThat(billableOn(f.design)).containsExactly(true);
	}

	@Test
	void aTimerStartedWithoutTheFlagTakesTheActivitysAndKeepsItOnStop() {
		var staff = f.staff.client(api);
		var started = staff.post("/api/v1/timer", Map.of("projectId", f.project, "activityId", internal));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		assertThat(started.json().get("billable").asBoolean()).isFalse();
		var stopped = staff.post("/api/v1/timer/stop", null);
		assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
		assertThat(stopped.json().get("billable").asBoolean()).isFalse();

		var saidSo = staff.post("/api/v1/timer", Map.of("projectId", f.project, "activityId", internal, "billable", true));
		assertThat(saidSo.json().get("billable").asBoolean()).isTrue();
		assertThat(staff.post("/api/v1/timer/stop", null).json().get("billable").asBoolean()).isTrue();

		// switching starts the next timer the same way
		staff.post("/api/v1/timer", Map.of("projectId", f.project, "activityId", f.design));
		var switched = staff.post("/api/v1/timer/switch", Map.of("projectId", f.project, "activityId", internal));
		assertThat(switched.status()).as(switched.toString()).isEqualTo(201);
		assertThat(switched.json().get("stopped").get("billable").asBoolean()).isTrue();
		assertThat(switched.json().get("started").get("billable").asBoolean()).isFalse();
		staff.delete("/api/v1/timer");
	}

	@Test
	void bulkImportTakesTheActivitysFlagWhenTheColumnIsAbsentOrBlank() {
		String activity = "Internal " + f.unique;
		String project = "STANDARD " + f.unique;
		String text = "2026-11-16, 1, " + project + ", " + activity + ", absent\n"
				+ "2026-11-16, 1, " + project + ", " + activity + ", blank, \n"
				+ "2026-11-16, 1, " + project + ", " + activity + ", yes, yes\n";
		var created = f.staff.client(api).post("/api/v1/time-entries/bulk", Map.of("text", text));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(billableOf("absent")).isFalse();
		assertThat(billableOf("blank")).isFalse();
		assertThat(billableOf("yes")).isTrue();
	}

	private JsonNode create(Map<String, Object> body) {
		var created = f.staff.client(api).post("/api/v1/time-entries", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	private boolean billableOf(String description) {
		return jdbc.sql("select billable from time_entry where user_id = ? and description = ?")
			.params(f.staff.id(), description).query(Boolean.class).single();
	}

	private List<Boolean> billableOn(long activityId) {
		return jdbc.sql("select billable from time_entry where user_id = ? and activity_id = ?")
			.params(f.staff.id(), activityId).query(Boolean.class).list();
	}
}
