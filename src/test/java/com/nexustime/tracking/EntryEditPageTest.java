package com.nexustime.tracking;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff correct one of their own entries on a page, within the week-locking rules. */
class EntryEditPageTest extends IntegrationTest {

	private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

	private TrackingFixture f;

	private FormSession browser;

	@BeforeEach
	void fixture() {
		f = new TrackingFixture(jdbc);
		f.projectRate(f.project, "100.00", LocalDate.of(2020, 1, 1));
		browser = FormSession.signIn(port, f.staff.email(), TestUsers.PASSWORD);
	}

	@Test
	void staffChangeActivityAndDescriptionOfTheirOwnEntry() {
		LocalDate recent = LocalDate.now(ZoneOffset.UTC).minusDays(2);
		long id = entry(recent, "Frist draft");

		var list = browser.get("/time");
		assertThat(list.body()).contains("href=\"/time/" + id + "/edit\"");
		var page = browser.get("/time/" + id + "/edit");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Edit entry", "value=\"Frist draft\"", "value=\"1.5\"");

		var saved = browser.post("/time/" + id + "/edit", fields(recent, f.management, "First draft", "1:30", 0));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		assertThat(browser.follow(saved).body()).contains("Saved 1.50 h on " + recent, "First draft");

		var stored = jdbc.sql("select activity_id, description, minutes, billable, version from time_entry where id = ?")
			.param(id).query((rs, n) -> Map.of("activity", rs.getLong(1), "description", rs.getString(2),
					"minutes", rs.getInt(3), "billable", rs.getBoolean(4), "version", rs.getInt(5)))
			.single();
		assertThat(stored).containsEntry("activity", f.management).containsEntry("description", "First draft")
			.containsEntry("minutes", 90).containsEntry("billable", true).containsEntry("version", 1);
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'TimeEntry' and entity_id = ? "
				+ "and action = 'UPDATE' and after ->> 'description' = 'First draft'")
			.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aPostWithoutTheBillableFieldKeepsTheFlagAndAnUntickedBoxClearsIt() {
		LocalDate recent = LocalDate.now(ZoneOffset.UTC).minusDays(2);
		long id = entry(recent, "Billable work");
		assertThat(billable(id)).isTrue();
		assertThat(browser.get("/time/" + id + "/edit").status()).isEqualTo(200);

		// hand-made: neither billable nor its _billable marker, as a script or an old page might post
		Map<String, String> silent = fields(recent, f.design, "Billable work, described better", "1.5", 0);
		silent.remove("billable");
		silent.remove("_billable");
		var kept = browser.post("/time/" + id + "/edit", silent);
		assertThat(kept.status()).as(kept.body()).isEqualTo(302);
		assertThat(billable(id)).as("a post that names no flag keeps it").isTrue();
		assertThat(jdbc.sql("select description from time_entry where id = ?").param(id).query(String.class).single())
			.isEqualTo("Billable work, described better");

		// the page's unticked box: only the marker is posted, and that says "not billable"
		Map<String, String> unticked = fields(recent, f.design, "Billable work, described better", "1.5", 1);
		unticked.remove("billable");
		var cleared = browser.post("/time/" + id + "/edit", unticked);
		assertThat(cleared.status()).as(cleared.body()).isEqualTo(302);
		assertThat(billable(id)).as("an unticked box clears it").isFalse();
	}

	@Test
	void aPostWithoutTheDescriptionKeepsItAndAnEmptyOneClearsIt() {
		LocalDate recent = LocalDate.now(ZoneOffset.UTC).minusDays(2);
		long id = entry(recent, "Kept words");
		assertThat(browser.get("/time/" + id + "/edit").status()).isEqualTo(200);

		Map<String, String> silent = fields(recent, f.design, "ignored", "1.5", 0);
		silent.remove("description");
		var kept = browser.post("/time/" + id + "/edit", silent);
		assertThat(kept.status()).as(kept.body()).isEqualTo(302);
		assertThat(description(id)).as("a post that names no description keeps it").isEqualTo("Kept words");

		var cleared = browser.post("/time/" + id + "/edit", fields(recent, f.design, "", "1.5", 1));
		assertThat(cleared.status()).as(cleared.body()).isEqualTo(302);
		assertThat(jdbc.sql("select description is null from time_entry where id = ?").param(id).query(Boolean.class)
			.single()).as("the page's emptied box clears it").isTrue();
	}

	private String description(long id) {
		return jdbc.sql("select description from time_entry where id = ?").param(id).query(String.class).single();
	}

	private boolean billable(long id) {
		return jdbc.sql("select billable from time_entry where id = ?").param(id).query(Boolean.class).single();
	}

	@Test
	void aLockedWeekShowsTheRulesWordsAndKeepsWhatWasTyped() {
		long id = entry(MONDAY, "Before");
		f.weekStatus(f.staff.id(), MONDAY, "SUBMITTED");

		var page = browser.get("/time/" + id + "/edit");
		assertThat(page.body()).contains("do not let you change this entry now");
		var refused = browser.post("/time/" + id + "/edit", fields(MONDAY, f.management, "Typed after", "2", 0));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("the week is submitted to your manager; recall it first",
				"value=\"Typed after\"", "value=\"2\"");
		assertThat(jdbc.sql("select description from time_entry where id = ?").param(id).query(String.class).single())
			.isEqualTo("Before");
	}

	@Test
	void aChangeMadeMeanwhileIsNotOverwritten() {
		long id = entry(MONDAY, "Mine");
		f.staff.client(api).patch("/api/v1/time-entries/" + id, Map.of("description", "Theirs"));

		browser.get("/time/" + id + "/edit");
		var stale = browser.post("/time/" + id + "/edit", fields(MONDAY, f.design, "Mine again", "1.5", 0));
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).contains("someone changed this entry after you opened it", "value=\"Mine again\"");
		assertThat(jdbc.sql("select description from time_entry where id = ?").param(id).query(String.class).single())
			.isEqualTo("Theirs");
	}

	@Test
	void unreadableHoursAndUnknownIdsAreAnsweredOnThePage() {
		long id = entry(MONDAY, "Kept");
		browser.get("/time/" + id + "/edit");
		var bad = browser.post("/time/" + id + "/edit", fields(MONDAY, f.design, "Kept", "lots", 0));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("value=\"lots\"", "is neither hours");

		assertThat(browser.get("/time/does-not-exist/edit").status()).isEqualTo(404);
		assertThat(browser.get("/time/999999999/edit").status()).isEqualTo(404);
		// someone else's entry is not shown to staff
		var theirs = f.manager.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY",
				"projectId", f.project, "activityId", f.design, "date", MONDAY.toString(), "minutes", 30));
		assertThat(theirs.status()).as(theirs.toString()).isEqualTo(201);
		assertThat(browser.get("/time/" + theirs.json().get("id").asText() + "/edit").status()).isIn(403, 404);
	}

	private long entry(LocalDate date, String description) {
		var created = f.staff.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY", "projectId",
				f.project, "activityId", f.design, "date", date.toString(), "minutes", 90, "description", description));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private static Map<String, String> fields(LocalDate date, long activity, String description, String hours,
			int version) {
		Map<String, String> fields = new HashMap<>();
		fields.put("activityId", String.valueOf(activity));
		fields.put("date", date.toString());
		fields.put("hours", hours);
		fields.put("description", description);
		fields.put("billable", "true");
		fields.put("_billable", "on");
		fields.put("version", String.valueOf(version));
		return fields;
	}
}
