package com.nexustime.timesheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static com.nexustime.timesheet.TimesheetFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

/** The grid's notes (row and cell), the paste that names its rows, and favourites. */
class GridNotesPasteFavouritesApiTest extends IntegrationTest {

	private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

	private static final String WEEK = "/api/v1/timesheets/" + MONDAY;

	private TimesheetFixture f;

	@BeforeEach
	void fixture() {
		f = new TimesheetFixture(jdbc);
	}

	private static Map<String, Object> noted(long project, long activity, String note, List<String> notes,
			String... hours) {
		Map<String, Object> row = new HashMap<>(row(project, activity, hours));
		if (note != null) {
			row.put("note", note);
		}
		if (notes != null) {
			row.put("notes", notes);
		}
		return row;
	}

	private static List<String> days(String... notes) {
		List<String> all = new ArrayList<>(Arrays.asList(notes));
		while (all.size() < 7) {
			all.add("");
		}
		return all;
	}

	@Test
	void rowAndCellNotesAreSavedWithTheHoursAndComeBackOnRead() {
		var saved = f.staff.client(api).put(WEEK, Map.of("rows", List.of(noted(f.project, f.design,
				"  Homepage redesign ", days("wireframes", "", "colour study"), "2", "", "1", "", "", "", ""))));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

		JsonNode row = f.staff.client(api).get(WEEK).json().get("rows").get(0);
		assertThat(row.get("note").asText()).isEqualTo("Homepage redesign");
		assertThat(texts(row.get("notes"))).containsExactly("wireframes", "", "colour study", "", "", "", "");
		assertThat(descriptions()).containsExactly("wireframes", "colour study");

		// hours alone leave the notes as they are
		f.staff.client(api).put(WEEK, Map.of("rows", List.of(row(f.project, f.design, "3", "", "1", "", "", "", ""))));
		row = f.staff.client(api).get(WEEK).json().get("rows").get(0);
		assertThat(row.get("note").asText()).isEqualTo("Homepage redesign");
		assertThat(row.get("notes").get(0).asText()).isEqualTo("wireframes");

		// an empty text removes a note; a row note keeps its row in the grid even without hours
		var cleared = f.staff.client(api).put(WEEK, Map.of("rows", List.of(noted(f.project, f.design, "",
				days("", "", "palette"), "3", "", "1", "", "", "", ""))));
		assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
		row = cleared.json().get("rows").get(0);
		assertThat(row.hasNonNull("note")).as("a removed row note").isFalse();
		assertThat(texts(row.get("notes"))).containsExactly("", "", "palette", "", "", "", "");
		assertThat(descriptions()).containsExactly(null, "palette");

		var onlyNote = f.staff.client(api).put(WEEK, Map.of("rows", List.of(noted(f.project, f.review,
				"Internal review", null, "", "", "", "", "", "", ""))));
		assertThat(onlyNote.status()).as(onlyNote.toString()).isEqualTo(200);
		assertThat(onlyNote.json().get("rows")).extracting(r -> r.path("note").asText())
			.contains("Internal review");
	}

	@Test
	void aCellWithSeveralEntriesShowsTheirDescriptionsJoinedAndAnEditGoesToTheNewest() {
		for (String text : List.of("call", "mockups")) {
			var created = f.staff.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY", "projectId",
					f.project, "activityId", f.design, "date", MONDAY.toString(), "minutes", 60, "description", text));
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
		}
		JsonNode row = f.staff.client(api).get(WEEK).json().get("rows").get(0);
		assertThat(row.get("notes").get(0).asText()).isEqualTo("call; mockups");

		var edited = f.staff.client(api).put(WEEK, Map.of("rows", List.of(noted(f.project, f.design, null,
				days("call and mockups"), "2", "", "", "", "", "", ""))));
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		assertThat(edited.json().get("rows").get(0).get("notes").get(0).asText()).isEqualTo("call and mockups");
		assertThat(descriptions()).containsExactly(null, "call and mockups");
	}

	@Test
	void notesAreBoundedAndACellNoteNeedsHours() {
		String longest = "n".repeat(2000);
		var fits = f.staff.client(api).put(WEEK, Map.of("rows", List.of(noted(f.project, f.design, longest,
				days(longest), "1", "", "", "", "", "", ""))));
		assertThat(fits.status()).as(fits.toString()).isEqualTo(200);

		var tooLong = f.staff.client(api).put(WEEK, Map.of("rows", List.of(noted(f.project, f.design,
				longest + "n", null, "1", "", "", "", "", "", ""))));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body()).contains("rows[0].note", "2000");

		var cellTooLong = f.staff.client(api).put(WEEK, Map.of("rows", List.of(noted(f.project, f.design, null,
				days(longest + "n"), "1", "", "", "", "", "", ""))));
		assertThat(cellTooLong.status()).isEqualTo(400);
		assertThat(cellTooLong.body()).contains("rows[0].notes[0]");

		var noHours = f.staff.client(api).put(WEEK, Map.of("rows", List.of(noted(f.project, f.design, null,
				days(longest, "", "a note on an empty day"), "1", "", "", "", "", "", ""))));
		assertThat(noHours.status()).isEqualTo(400);
		assertThat(noHours.json().get("errors").get(0).get("field").asText()).isEqualTo("rows[0].notes[2]");
		assertThat(noHours.json().get("detail").asText()).contains("Wednesday", "needs hours");
	}

	@Test
	void aPastedBlockNamingProjectsAndActivitiesCreatesTheRowsAndFillsTheHours() {
		String text = ("grid project %1$s\tDESIGN %1$s\t1.5\t2\t\t\t\t\t\n"
				+ "Grid project %1$s — Review %1$s\t\t\t1:30\r\n\n").formatted(f.unique);
		var pasted = f.staff.client(api).post(WEEK + "/paste", Map.of("text", text));
		assertThat(pasted.status()).as(pasted.toString()).isEqualTo(200);
		JsonNode rows = pasted.json().get("rows");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).get("activityName").asText()).isEqualTo("Design " + f.unique);
		assertThat(texts(rows.get(0).get("hours"))).containsExactly("1.50", "2.00", "0.00", "0.00", "0.00", "0.00",
				"0.00");
		assertThat(rows.get(1).get("activityName").asText()).isEqualTo("Review " + f.unique);
		assertThat(texts(rows.get(1).get("hours"))).containsExactly("0.00", "0.00", "1.50", "0.00", "0.00", "0.00",
				"0.00");
		assertThat(pasted.json().get("total").asText()).isEqualTo("5.00");
		assertThat(f.entries(f.staff.id(), MONDAY)).hasSize(3);

		// a line with no hours still creates its row
		var empty = f.staff.client(api).post(WEEK + "/paste",
				Map.of("text", "Grid electronic " + f.unique + "\tDesign " + f.unique + "\t\t\t\t\t\t\t"));
		assertThat(empty.status()).as(empty.toString()).isEqualTo(200);
		assertThat(empty.json().get("rows")).hasSize(3);
	}

	@Test
	void aPasteWithUnknownOrUnavailableNamesIsRefusedNamingThemAndAppliesNothing() {
		String text = ("Grid project %1$s\tDesign %1$s\t1\n"
				+ "No such project %1$s\tDesign %1$s\t2\n"
				+ "Grid electronic %1$s\tManagement %1$s\t3\n"
				+ "Grid project %1$s\tKnitting\t4\n").formatted(f.unique);
		var refused = f.staff.client(api).post(WEEK + "/paste", Map.of("text", text));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("text");
		assertThat(refused.json().get("detail").asText()).contains(
				"line 2: no project you may book is called \"No such project " + f.unique + "\"",
				"line 3: \"Management " + f.unique + "\" is not an activity you may book on Grid electronic " + f.unique,
				"line 4: \"Knitting\"").doesNotContain("line 1");
		assertThat(f.entries(f.staff.id(), MONDAY)).isEmpty();
		assertThat(f.staff.client(api).get(WEEK).json().get("rows")).isEmpty();

		var badHours = f.staff.client(api).post(WEEK + "/paste",
				Map.of("text", "Grid project " + f.unique + "\tDesign " + f.unique + "\t1\tlots"));
		assertThat(badHours.status()).isEqualTo(400);
		assertThat(badHours.json().get("detail").asText()).contains("line 1, day 2", "lots");

		var eightDays = f.staff.client(api).post(WEEK + "/paste",
				Map.of("text", "Grid project " + f.unique + "\tDesign " + f.unique + "\t1\t1\t1\t1\t1\t1\t1\t1"));
		assertThat(eightDays.status()).isEqualTo(400);
		assertThat(eightDays.json().get("detail").asText()).contains("line 1 has 8 day columns");
	}

	@Test
	void aPasteIsBoundedInSizeAndLines() {
		String line = "Grid project " + f.unique + "\tDesign " + f.unique + "\t1\n";
		var tooMany = f.staff.client(api).post(WEEK + "/paste", Map.of("text", line.repeat(51)));
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.json().get("detail").asText()).contains("at most 50 lines");

		var tooBig = f.staff.client(api).post(WEEK + "/paste", Map.of("text", "x".repeat(20_001)));
		assertThat(tooBig.status()).isEqualTo(400);
		assertThat(tooBig.body()).contains("text", "20000");
		assertThat(f.entries(f.staff.id(), MONDAY)).isEmpty();
	}

	@Test
	void favouritesArePerPersonAndOnlyForWhatTheyMayBook() {
		var added = f.staff.client(api).post("/api/v1/favourites", Map.of("projectId", f.project, "activityId", f.design));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		assertThat(added.json()).hasSize(1);
		assertThat(added.json().get(0).get("projectName").asText()).isEqualTo("Grid project " + f.unique);
		assertThat(added.json().get(0).get("activityName").asText()).isEqualTo("Design " + f.unique);
		// starring again changes nothing
		assertThat(f.staff.client(api).post("/api/v1/favourites", Map.of("projectId", f.project, "activityId",
				f.design)).json()).hasSize(1);

		var unavailable = f.staff.client(api).post("/api/v1/favourites",
				Map.of("projectId", f.electronicProject, "activityId", f.management));
		assertThat(unavailable.status()).isEqualTo(422);

		assertThat(f.staff.client(api).get("/api/v1/favourites").json()).hasSize(1);
		assertThat(f.manager.client(api).get("/api/v1/favourites").json()).isEmpty();
		assertThat(f.manager.client(api).delete("/api/v1/favourites/" + f.project + "/" + f.design).status())
			.isEqualTo(404);

		assertThat(f.staff.client(api).delete("/api/v1/favourites/" + f.project + "/" + f.design).status())
			.isEqualTo(204);
		assertThat(f.staff.client(api).get("/api/v1/favourites").json()).isEmpty();
	}

	@Test
	void theManagerSeesRowAndCellNotesInTheReview() {
		var saved = f.staff.client(api).put(WEEK, Map.of("rows", List.of(noted(f.project, f.design,
				"Homepage redesign", days("wireframes"), "7.5", "", "", "", "", "", ""))));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		String instance = f.staff.client(api).post(WEEK + "/submit", Map.of()).json().get("processInstanceId")
			.asText();
		String taskId = null;
		for (JsonNode task : f.manager.client(api).get("/api/v1/tasks").json()) {
			if (instance.equals(task.get("processInstanceId").asText())) {
				taskId = task.get("id").asText();
			}
		}
		assertThat(taskId).as("the review task in the manager's tasklist").isNotNull();
		var page = FormSession.signIn(port, f.manager.email(), TestUsers.PASSWORD).get("/tasks/" + taskId);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"week-notes\"", "Grid project " + f.unique + " · Design " + f.unique,
				"Homepage redesign", "Mon 16 Nov:", "wireframes");
	}

	private List<String> descriptions() {
		return jdbc.sql("""
				select description from time_entry where user_id = ? and entry_date between ? and ? order by id""")
			.params(f.staff.id(), MONDAY, MONDAY.plusDays(6)).query((rs, n) -> rs.getString(1)).list();
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(n -> texts.add(n.asText()));
		return texts;
	}
}
