package com.nexustime.tracking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
 * A process owner edits {@code activity-availability.drl}, and every surface follows the edited rule with its
 * own wording: the entry API, the grid (save and add-row), the timer, bulk import and the pickers.
 */
class ActivityRuleEditTest extends IntegrationTest {

	private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

	private static final String WEEK = "/api/v1/timesheets/" + MONDAY;

	private static final String DESIGN_ON_ELECTRONIC = """
			    $option : ActivityOption( category == "MANAGEMENT" )
			then
			    refusals.refuse( $option, "management activities are not booked on \"""";

	private static final String DESIGN_OFF_ELECTRONIC = """
			    $option : ActivityOption( category in ( "MANAGEMENT", "DESIGN_CREATIVE" ) )
			then
			    refusals.refuse( $option, "design and management are kept off \"""";

	private static final String EDITED_REASON = "design and management are kept off electronic projects";

	private TrackingFixture f;

	private Api.Client staff;

	@BeforeEach
	void fixture() {
		f = new TrackingFixture(jdbc);
		staff = f.staff.client(api);
	}

	@Test
	void anEditedActivityConditionAndItsWordingReachEverySurface() {
		assertThat(offeredActivities(f.electronicProject)).contains(f.design).doesNotContain(f.management);

		try (EditedRules edited = EditedRules.replace(admin(), "activity-availability.drl", DESIGN_ON_ELECTRONIC,
				DESIGN_OFF_ELECTRONIC)) {
			// the picker (entry form, grid add-row, header timer) no longer offers it
			assertThat(offeredActivities(f.electronicProject)).doesNotContain(f.design, f.management);
			assertThat(offeredActivities(f.project)).contains(f.design);

			var entry = staff.post("/api/v1/time-entries", activity(f.electronicProject, f.design));
			assertThat(entry.status()).as(entry.toString()).isEqualTo(422);
			assertThat(entry.contentType()).contains("application/problem+json");
			assertThat(entry.json().get("errors").get(0).get("field").asText()).isEqualTo("activityId");
			assertThat(entry.json().get("errors").get(0).get("message").asText()).contains(EDITED_REASON);

			var grid = staff.put(WEEK, Map.of("rows", List.of(row(f.electronicProject, f.design))));
			assertThat(grid.status()).as(grid.toString()).isEqualTo(422);
			assertThat(grid.body()).contains(EDITED_REASON);

			var addRow = staff.post(WEEK + "/rows", Map.of("projectId", f.electronicProject, "activityId", f.design));
			assertThat(addRow.status()).as(addRow.toString()).isEqualTo(422);
			assertThat(addRow.body()).contains(EDITED_REASON);

			var timer = staff.post("/api/v1/timer", Map.of("projectId", f.electronicProject, "activityId", f.design));
			assertThat(timer.status()).as(timer.toString()).isEqualTo(422);
			assertThat(timer.body()).contains(EDITED_REASON);

			var bulk = staff.post("/api/v1/time-entries/bulk", Map.of("dryRun", true, "text",
					MONDAY + "\t1\tELECTRONIC " + f.unique + "\tDesign " + f.unique));
			assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
			assertThat(bulk.json().get("rejected").get(0).get("reason").asText()).contains(EDITED_REASON);
		}

		// restored: the same booking goes through everywhere
		assertThat(offeredActivities(f.electronicProject)).contains(f.design);
		var entry = staff.post("/api/v1/time-entries", activity(f.electronicProject, f.design));
		assertThat(entry.status()).as(entry.toString()).isEqualTo(201);
		var timer = staff.post("/api/v1/timer", Map.of("projectId", f.electronicProject, "activityId", f.design));
		assertThat(timer.status()).as(timer.toString()).isEqualTo(201);
		assertThat(staff.delete("/api/v1/timer").status()).isEqualTo(204);
	}

	@Test
	void anEditedProjectRuleDecidesWhichProjectsThePickersOfferAndEverySaveTakes() {
		String electronicName = "ELECTRONIC " + f.unique;
		assertThat(offeredProjects()).contains(f.project, f.electronicProject);
		assertThat(staff.get("/time").body()).contains(electronicName);
		assertThat(staff.get("/timesheet").body()).contains(electronicName);

		try (EditedRules edited = EditedRules.replace(admin(), "activity-availability.drl",
				"ProjectFacts( status != \"ACTIVE\", $status : status )",
				"ProjectFacts( status != \"ACTIVE\" || type == \"ELECTRONIC\", $status : status )")) {
			String reason = "the project is active and accepts no time";
			assertThat(offeredProjects()).contains(f.project).doesNotContain(f.electronicProject);
			assertThat(staff.get("/time").body()).contains("STANDARD " + f.unique).doesNotContain(electronicName);
			assertThat(staff.get("/timesheet").body()).doesNotContain(electronicName);
			assertThat(offeredActivities(f.electronicProject)).isEmpty();

			var entry = staff.post("/api/v1/time-entries", activity(f.electronicProject, f.design));
			assertThat(entry.status()).as(entry.toString()).isEqualTo(422);
			assertThat(entry.json().get("errors").get(0).get("field").asText()).isEqualTo("projectId");
			assertThat(entry.json().get("errors").get(0).get("message").asText()).isEqualTo(reason);

			// an entry without an activity is refused by the same rule
			var adjustment = admin().post("/api/v1/time-entries", Map.of("type", "ADJUSTMENT", "userId", f.staff.id(),
					"projectId", f.electronicProject, "date", MONDAY.toString(), "amount", "-10.00", "notes", "Credit"));
			assertThat(adjustment.status()).as(adjustment.toString()).isEqualTo(422);
			assertThat(adjustment.body()).contains(reason);

			var grid = staff.put(WEEK, Map.of("rows", List.of(row(f.electronicProject, f.design))));
			assertThat(grid.status()).as(grid.toString()).isEqualTo(422);
			assertThat(grid.body()).contains(reason);

			var timer = staff.post("/api/v1/timer", Map.of("projectId", f.electronicProject, "activityId", f.design));
			assertThat(timer.status()).as(timer.toString()).isEqualTo(422);
			assertThat(timer.body()).contains(reason);
		}
		assertThat(offeredProjects()).contains(f.electronicProject);
	}

	@Test
	void aClosedProjectIsLeftOutOfThePickersByTheShippedRule() {
		jdbc.sql("update project set status = 'CLOSED' where id = ?").param(f.electronicProject).update();
		assertThat(offeredProjects()).contains(f.project).doesNotContain(f.electronicProject);
		assertThat(staff.get("/time").body()).doesNotContain("ELECTRONIC " + f.unique);
		assertThat(offeredActivities(f.electronicProject)).isEmpty();
		assertThat(staff.get("/api/v1/activities/available?projectId=987654321").status()).isEqualTo(404);
	}

	private List<Long> offeredActivities(long projectId) {
		var response = staff.get("/api/v1/activities/available?projectId=" + projectId);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return ids(response.json());
	}

	private List<Long> offeredProjects() {
		var response = staff.get("/api/v1/projects/available");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return ids(response.json());
	}

	private static List<Long> ids(JsonNode list) {
		List<Long> ids = new ArrayList<>();
		list.forEach(item -> ids.add(item.get("id").asLong()));
		return ids;
	}

	private static Map<String, Object> activity(long projectId, long activityId) {
		Map<String, Object> body = new HashMap<>();
		body.put("type", "ACTIVITY");
		body.put("projectId", projectId);
		body.put("activityId", activityId);
		body.put("date", MONDAY.toString());
		body.put("minutes", 60);
		return body;
	}

	private static Map<String, Object> row(long projectId, long activityId) {
		return Map.of("projectId", projectId, "activityId", activityId, "hours", List.of("1", "", "", "", "", "", ""));
	}
}
