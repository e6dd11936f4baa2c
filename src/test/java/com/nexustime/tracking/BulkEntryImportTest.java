package com.nexustime.tracking;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** Pasted rows: a preview that changes nothing, then all rows in one transaction or none. */
class BulkEntryImportTest extends IntegrationTest {

	private TrackingFixture f;

	private String project;

	private String design;

	@BeforeEach
	void fixture() {
		f = new TrackingFixture(jdbc);
		f.projectRate(f.project, "80.00", LocalDate.of(2020, 1, 1));
		project = "STANDARD " + f.unique;
		design = "Design " + f.unique;
	}

	@Test
	void previewShowsRowsToCreateAndRejectedRowsAndChangesNothing() {
		String text = String.join("\n",
				"date\ttime\tproject\tactivity\tdescription\tbillable",
				"2026-11-16\t1.5\t" + project + "\t" + design + "\tLayout\tyes",
				"2026-11-16\t09:00-10:30\t" + project + "\t" + design + "\tReview\tno",
				"2026-11-17\t2\tNo such project\t" + design,
				"2026-11-18\t1:30\t" + "ELECTRONIC " + f.unique + "\tManagement " + f.unique,
				"17.11.2026\t1\t" + project + "\t" + design);
		var response = f.staff.client(api).post("/api/v1/time-entries/bulk", Map.of("text", text, "dryRun", true));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		var preview = response.json();
		assertThat(preview.get("accepted")).hasSize(2);
		assertThat(preview.get("accepted").get(0).get("amount").asText()).isEqualTo("120.00");
		assertThat(preview.get("accepted").get(1).get("billable").asBoolean()).isFalse();
		assertThat(preview.get("rejected")).hasSize(3);
		assertThat(preview.get("rejected").get(0).get("reason").asText()).contains("No such project");
		assertThat(preview.get("rejected").get(1).get("reason").asText()).startsWith("activityId");
		assertThat(preview.get("rejected").get(2).get("reason").asText()).contains("date");
		assertThat(entriesOfStaff()).isZero();

		var refused = f.staff.client(api).post("/api/v1/time-entries/bulk", Map.of("text", text));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("rejected")).hasSize(3);
		assertThat(entriesOfStaff()).isZero();
	}

	@Test
	void createsAllRowsAtOnce() {
		String text = "2026-11-16, 1.5, " + project + ", " + design + ", Layout\n"
				+ "2026-11-17, 10:00-12:00, " + project + ", " + design + ", Review, no\n";
		var created = f.staff.client(api).post("/api/v1/time-entries/bulk", Map.of("text", text));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("accepted")).hasSize(2);
		assertThat(entriesOfStaff()).isEqualTo(2);
	}

	@Test
	void rowsCountTogetherTowardsTheDayLimit() {
		String text = "2026-11-16, 20, " + project + ", " + design + "\n" + "2026-11-16, 5, " + project + ", " + design;
		var preview = f.staff.client(api).post("/api/v1/time-entries/bulk", Map.of("text", text, "dryRun", true)).json();
		assertThat(preview.get("accepted")).hasSize(1);
		assertThat(preview.get("rejected").get(0).get("reason").asText()).contains("24");
	}

	@Test
	void thePagesKeepWhatWasTypedAndShowThePreview() {
		FormSession browser = FormSession.signIn(port, f.staff.email(), TestUsers.PASSWORD);
		var form = browser.get("/time");
		assertThat(form.status()).isEqualTo(200);
		// the date input needs ISO dates to show today's date
		assertThat(form.body()).containsPattern("id=\"date\"[^>]*value=\"\\d{4}-\\d{2}-\\d{2}\"|value=\"\\d{4}-\\d{2}-\\d{2}\"[^>]*id=\"date\"");

		var refused = browser.post("/time", Map.of("type", "ACTIVITY", "date", "2026-11-16", "projectId",
				String.valueOf(f.project), "activityId", String.valueOf(f.design), "hours", "lots",
				"description", "Kept text"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("value=\"lots\"", "value=\"Kept text\"", "is neither hours");

		var saved = browser.post("/time", Map.of("type", "ACTIVITY", "date", "2026-11-16", "projectId",
				String.valueOf(f.project), "activityId", String.valueOf(f.design), "hours", "1:30"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(browser.follow(saved).body()).contains("Saved 1.50 h on 2026-11-16");

		var preview = browser.post("/time/import", Map.of("text", "2026-11-17, 2, " + project + ", " + design,
				"action", "preview"));
		assertThat(preview.body()).contains("To create (<span>1</span>)", "160.00");
		assertThat(entriesOfStaff()).isEqualTo(1);
	}

	private long entriesOfStaff() {
		return jdbc.sql("select count(*) from time_entry where user_id = ?").param(f.staff.id()).query(Long.class)
			.single();
	}
}
