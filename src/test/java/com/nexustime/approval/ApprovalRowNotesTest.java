package com.nexustime.approval;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static com.nexustime.approval.ApprovalFixture.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

/** The note a person wrote on a row of their weekly grid travels into the lines a client approves, and the hash. */
class ApprovalRowNotesTest extends IntegrationTest {

	@Autowired
	RepositoryService repository;

	ApprovalFixture fx;

	@BeforeEach
	void setUp() {
		ApprovalFixture.ensureProcess(repository);
		fx = new ApprovalFixture(jdbc);
	}

	@Test
	void aRowNoteLeadsTheLineDescriptionAndIsInTheHashedSnapshot() {
		fx.entry(fx.website, fx.design, MONDAY, 90, "100.00", "wireframes");
		fx.entry(fx.website, fx.design, MONDAY.plusDays(2), 60, "100.00", "colour study");
		fx.entry(fx.brochure, fx.design, MONDAY.plusDays(1), 60, "100.00", "cover");
		jdbc.sql("""
				insert into timesheet_row_note (user_id, week_start, project_id, activity_id, note)
				values (?, ?, ?, ?, 'Homepage redesign')""")
			.params(fx.staff.id(), MONDAY, fx.website, fx.design).update();
		// a note of another week does not reach this week's entries
		jdbc.sql("""
				insert into timesheet_row_note (user_id, week_start, project_id, activity_id, note)
				values (?, ?, ?, ?, 'Last week''s topic')""")
			.params(fx.staff.id(), MONDAY.minusDays(7), fx.brochure, fx.design).update();

		var created = fx.staff.client(api).post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "PROJECT"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode lines = created.json().get("lines");
		assertThat(lines.get(0).get("group").asText()).isEqualTo("Brochure " + fx.unique);
		assertThat(lines.get(0).get("description").asText()).isEqualTo("cover");
		assertThat(lines.get(1).get("group").asText()).isEqualTo("Website " + fx.unique);
		assertThat(lines.get(1).get("description").asText()).isEqualTo("Homepage redesign; wireframes; colour study");

		TestUsers.TestUser auditor = TestUsers.create(jdbc, "AUDITOR");
		JsonNode snapshot = auditor.client(api).get("/api/v1/approvals/" + created.json().get("id").asText()
				+ "/snapshot").json();
		assertThat(snapshot.get("matches").asBoolean()).isTrue();
		assertThat(snapshot.get("snapshot").get("lines").get(1).get("description").asText())
			.startsWith("Homepage redesign");
		assertThat(snapshot.get("snapshot").get("entries").findValuesAsText("rowNote"))
			.containsExactly("Homepage redesign", "Homepage redesign");
	}

	@Test
	void withoutRowNotesTheLinesStayAsTheyWere() {
		fx.entry(fx.website, fx.design, MONDAY, 90, "100.00", "wireframes");
		var created = fx.staff.client(api).post("/api/v1/approvals", fx.request(MONDAY, MONDAY.plusDays(6), "PROJECT"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("lines").get(0).get("description").asText()).isEqualTo("wireframes");
	}
}
