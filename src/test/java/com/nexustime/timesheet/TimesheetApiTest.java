package com.nexustime.timesheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static com.nexustime.timesheet.TimesheetFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

class TimesheetApiTest extends IntegrationTest {

	private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

	private static final String WEEK = "/api/v1/timesheets/" + MONDAY;

	private TimesheetFixture f;

	@BeforeEach
	void fixture() {
		f = new TimesheetFixture(jdbc);
	}

	@Test
	void aSavedGridComesBackWithTotalsAndEntriesPricedByTheRules() {
		var saved = f.staff.client(api).put(WEEK,
				Map.of("rows", List.of(row(f.project, f.design, "1.5", "1:30", "", "0", "8", "", ""))));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

		JsonNode grid = f.staff.client(api).get(WEEK).json();
		assertThat(grid.get("weekStart").asText()).isEqualTo(MONDAY.toString());
		assertThat(grid.get("days")).hasSize(7);
		assertThat(grid.get("days").get(6).asText()).isEqualTo("2026-11-22");
		assertThat(grid.get("status").asText()).isEqualTo("OPEN");
		JsonNode row = grid.get("rows").get(0);
		assertThat(grid.get("rows")).hasSize(1);
		assertThat(row.get("projectId").asText()).isEqualTo(String.valueOf(f.project));
		assertThat(row.get("projectName").asText()).isEqualTo("Grid project " + f.unique);
		assertThat(row.get("activityName").asText()).isEqualTo("Design " + f.unique);
		assertThat(texts(row.get("hours"))).containsExactly("1.50", "1.50", "0.00", "0.00", "8.00", "0.00", "0.00");
		assertThat(texts(row.get("locked"))).containsOnly("false");
		assertThat(row.get("total").asText()).isEqualTo("11.00");
		assertThat(texts(grid.get("dayTotals"))).containsExactly("1.50", "1.50", "0.00", "0.00", "8.00", "0.00",
				"0.00");
		assertThat(grid.get("total").asText()).isEqualTo("11.00");

		var stored = f.entries(f.staff.id(), MONDAY);
		assertThat(stored).hasSize(3);
		assertThat(stored).allSatisfy(e -> assertThat(e.get("rate").toString()).isEqualTo("100.00"));
		assertThat(stored.get(2).get("amount").toString()).isEqualTo("800.00");
		assertThat(auditActions(stored.get(0).get("id"))).containsExactly("CREATE");

		// changing one cell touches only that cell's entry
		var changed = f.staff.client(api).put(WEEK,
				Map.of("rows", List.of(row(f.project, f.design, "2", "1.5", "", "", "8", "", ""))));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().get("total").asText()).isEqualTo("11.50");
		var after = f.entries(f.staff.id(), MONDAY);
		assertThat(after).extracting(e -> e.get("id")).isEqualTo(stored.stream().map(e -> e.get("id")).toList());
		assertThat(after.get(0).get("minutes")).isEqualTo(120);
		assertThat(after.get(0).get("amount").toString()).isEqualTo("200.00");
		assertThat(after.get(1).get("version")).isEqualTo(stored.get(1).get("version"));
		assertThat(after.get(2).get("version")).isEqualTo(stored.get(2).get("version"));
		assertThat(auditActions(stored.get(0).get("id"))).containsExactly("CREATE", "UPDATE");
	}

	@Test
	void weeksAndEntriesOutsideTheReportsRangeAreRefusedSoEveryFigureSeesEveryEntry() {
		for (String week : List.of("1899-12-25", "9999-12-27", "+10000-01-03")) {
			var refused = f.staff.client(api).put("/api/v1/timesheets/" + week,
					Map.of("rows", List.of(row(f.project, f.design, "1", "", "", "", "", "", ""))));
			assertThat(refused.status()).as(week + " " + refused).isEqualTo(400);
			assertThat(refused.body()).contains("weekStart").contains("1900-01-01");
			assertThat(f.staff.client(api).get("/api/v1/timesheets/" + week).status()).as(week).isEqualTo(400);
		}
		var early = f.staff.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY", "projectId", f.project,
				"activityId", f.design, "date", "1899-12-31", "minutes", 60));
		// refused as it is read, like every date input out of range (issue 17): 400 naming the field
		assertThat(early.status()).as(early.toString()).isEqualTo(400);
		assertThat(early.body()).contains("date").contains("1900-01-01");
		assertThat(jdbc.sql("select count(*) from time_entry where user_id = ? and entry_date < date '1900-01-01'")
			.param(f.staff.id()).query(Long.class).single()).isZero();
	}

	@Test
	void aManagerSavesTheWeekOfThePersonNamedInTheQueryAndNeverTheirOwn() {
		var byQuery = f.manager.client(api).put(WEEK + "?userId=" + f.staff.id(),
				Map.of("rows", List.of(row(f.project, f.design, "1.5", "", "", "", "", "", ""))));
		assertThat(byQuery.status()).as(byQuery.toString()).isEqualTo(200);
		assertThat(byQuery.json().get("userId").asText()).isEqualTo(String.valueOf(f.staff.id()));
		assertThat(f.entries(f.staff.id(), MONDAY)).hasSize(1);
		assertThat(f.entries(f.manager.id(), MONDAY)).isEmpty();

		var twoPeople = f.manager.client(api).put(WEEK + "?userId=" + f.staff.id(), Map.of("userId", f.manager.id(),
				"rows", List.of(row(f.project, f.design, "3", "", "", "", "", "", ""))));
		assertThat(twoPeople.status()).as(twoPeople.toString()).isEqualTo(400);
		assertThat(twoPeople.body()).contains("userId");
		assertThat(f.entries(f.manager.id(), MONDAY)).isEmpty();
	}

	@Test
	void aCellWithSeveralEntriesGivesUpItsNewestFirst() {
		String older = entry(f.staff.client(api), MONDAY, 60);
		String newer = entry(f.staff.client(api), MONDAY, 30);
		assertThat(f.staff.client(api).get(WEEK).json().get("rows").get(0).get("hours").get(0).asText())
			.isEqualTo("1.50");

		var saved = f.staff.client(api).put(WEEK,
				Map.of("rows", List.of(row(f.project, f.design, "0.75", "", "", "", "", "", ""))));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		var stored = f.entries(f.staff.id(), MONDAY);
		assertThat(stored).hasSize(1);
		assertThat(stored.get(0).get("id").toString()).isEqualTo(older);
		assertThat(stored.get(0).get("minutes")).isEqualTo(45);
		assertThat(auditActions(Long.valueOf(newer))).containsExactly("CREATE", "DELETE");
	}

	@Test
	void aRowSavedWithNothingButZerosDeletesItsEntriesAudited() {
		f.staff.client(api).put(WEEK, Map.of("rows", List.of(row(f.project, f.design, "1", "2", "3", "", "", "", ""),
				row(f.project, f.review, "1", "", "", "", "", "", ""))));
		var design = f.entries(f.staff.id(), MONDAY).stream()
			.filter(e -> e.get("activity_id").equals(f.design)).map(e -> e.get("id")).toList();
		assertThat(design).hasSize(3);

		// the review row is left out of the request and stays as it is
		var saved = f.staff.client(api).put(WEEK,
				Map.of("rows", List.of(row(f.project, f.design, "0", "", "0.00", "0", "", "", ""))));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		JsonNode rows = saved.json().get("rows");
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get("activityId").asText()).isEqualTo(String.valueOf(f.review));
		assertThat(f.entries(f.staff.id(), MONDAY)).hasSize(1);
		for (Object id : design) {
			assertThat(auditActions(id)).containsExactly("CREATE", "DELETE");
		}
	}

	@Test
	void lockedCellsAreMarkedAndRefusedWithTheReason() {
		String finalized = entry(f.staff.client(api), MONDAY.plusDays(1), 120);
		jdbc.sql("update time_entry set status = 'FINALIZED' where id = ?").param(Long.valueOf(finalized)).update();

		JsonNode row = f.staff.client(api).get(WEEK).json().get("rows").get(0);
		assertThat(texts(row.get("locked"))).containsExactly("false", "true", "false", "false", "false", "false",
				"false");

		var refused = f.staff.client(api).put(WEEK,
				Map.of("rows", List.of(row(f.project, f.design, "1", "3", "", "", "", "", ""))));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("detail").asText()).contains("finalized").contains("2026-11-17");
		assertThat(f.entries(f.staff.id(), MONDAY)).hasSize(1);

		// the locked cell sent back unchanged does not stand in the way of the others
		var saved = f.staff.client(api).put(WEEK,
				Map.of("rows", List.of(row(f.project, f.design, "1", "2", "", "", "", "", ""))));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(f.entries(f.staff.id(), MONDAY)).hasSize(2);
	}

	@Test
	void aSubmittedWeekIsLockedForItsOwnerButNotForTheManager() {
		entry(f.staff.client(api), MONDAY, 60);
		f.weekStatus(f.staff.id(), MONDAY, "SUBMITTED", null);

		JsonNode own = f.staff.client(api).get(WEEK).json();
		assertThat(own.get("status").asText()).isEqualTo("SUBMITTED");
		assertThat(texts(own.get("rows").get(0).get("locked"))).containsOnly("true");
		var refused = f.staff.client(api).put(WEEK,
				Map.of("rows", List.of(row(f.project, f.design, "1", "1", "", "", "", "", ""))));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("detail").asText()).contains("recall");

		JsonNode managed = f.manager.client(api).get(WEEK + "?userId=" + f.staff.id()).json();
		assertThat(texts(managed.get("rows").get(0).get("locked"))).containsOnly("false");
		var byManager = f.manager.client(api).put(WEEK, Map.of("userId", f.staff.id(),
				"rows", List.of(row(f.project, f.design, "1", "1", "", "", "", "", ""))));
		assertThat(byManager.status()).as(byManager.toString()).isEqualTo(200);
		assertThat(f.entries(f.staff.id(), MONDAY)).hasSize(2);

		f.weekStatus(f.staff.id(), MONDAY, "REJECTED", "Tuesday is missing the review");
		JsonNode rejected = f.staff.client(api).get(WEEK).json();
		assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
		assertThat(rejected.get("comment").asText()).isEqualTo("Tuesday is missing the review");
		assertThat(texts(rejected.get("rows").get(0).get("locked"))).containsOnly("false");
	}

	@Test
	void aDayThatDoesNotStartTheWeekIsRefusedNamingWeekStart() {
		var tuesday = f.staff.client(api).get("/api/v1/timesheets/" + MONDAY.plusDays(1));
		assertThat(tuesday.status()).isEqualTo(400);
		assertThat(tuesday.json().get("errors").get(0).get("field").asText()).isEqualTo("weekStart");
		assertThat(tuesday.json().get("detail").asText()).contains("Tuesday");

		var put = f.staff.client(api).put("/api/v1/timesheets/" + MONDAY.plusDays(2),
				Map.of("rows", List.of(row(f.project, f.design, "1", "", "", "", "", "", ""))));
		assertThat(put.status()).isEqualTo(400);
		assertThat(f.entries(f.staff.id(), MONDAY)).isEmpty();
	}

	@Test
	void unreadableHoursAnswer400NamingTheCell() {
		var bad = f.staff.client(api).put(WEEK,
				Map.of("rows", List.of(row(f.project, f.design, "1", "", "", "", "", "", ""),
						row(f.project, f.review, "", "", "lots", "", "", "", ""))));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("rows[1].hours[2]");

		var sixDays = f.staff.client(api).put(WEEK,
				Map.of("rows", List.of(row(f.project, f.design, "1", "", "", "", "", ""))));
		assertThat(sixDays.status()).isEqualTo(400);
		assertThat(sixDays.json().get("errors").get(0).get("field").asText()).isEqualTo("rows[0].hours");
		assertThat(f.entries(f.staff.id(), MONDAY)).isEmpty();
	}

	@Test
	void anotherPersonsWeekIsForTheirManagerAdminsAndAuditorsOnly() {
		entry(f.staff.client(api), MONDAY, 60);
		String path = WEEK + "?userId=" + f.staff.id();
		var stranger = TestUsers.create(jdbc, "STAFF");
		var otherManager = TestUsers.create(jdbc, "MANAGER");
		assertThat(stranger.client(api).get(path).status()).isEqualTo(404);
		assertThat(otherManager.client(api).get(path).status()).isEqualTo(404);
		assertThat(stranger.client(api).put(WEEK, Map.of("userId", f.staff.id(),
				"rows", List.of(row(f.project, f.design, "5", "", "", "", "", "", "")))).status()).isEqualTo(404);
		assertThat(stranger.client(api).post(WEEK + "/copy-previous?userId=" + f.staff.id(), null).status())
			.isEqualTo(404);

		var byManager = f.manager.client(api).get(path);
		assertThat(byManager.status()).isEqualTo(200);
		assertThat(byManager.json().get("rows").get(0).get("hours").get(0).asText()).isEqualTo("1.00");
		assertThat(admin().get(path).status()).isEqualTo(200);

		// an auditor reads the week but every cell is locked for them, and writing is not theirs
		var auditor = TestUsers.create(jdbc, "AUDITOR");
		var audited = auditor.client(api).get(path);
		assertThat(audited.status()).isEqualTo(200);
		assertThat(texts(audited.json().get("rows").get(0).get("locked"))).containsOnly("true");
		assertThat(auditor.client(api).put(WEEK, Map.of("userId", f.staff.id(),
				"rows", List.of(row(f.project, f.design, "5", "", "", "", "", "", "")))).status()).isEqualTo(403);
		assertThat(f.entries(f.staff.id(), MONDAY)).hasSize(1);
	}

	@Test
	void aRuleRefusalRollsTheWholeSaveBack() {
		var unavailable = f.staff.client(api).put(WEEK,
				Map.of("rows", List.of(row(f.project, f.design, "1", "1", "", "", "", "", ""),
						row(f.electronicProject, f.management, "", "", "2", "", "", "", ""))));
		assertThat(unavailable.status()).isEqualTo(422);
		assertThat(unavailable.json().get("errors").get(0).get("field").asText()).isEqualTo("rows[1].activityId");
		assertThat(f.entries(f.staff.id(), MONDAY)).isEmpty();

		var tooLong = f.staff.client(api).put(WEEK,
				Map.of("rows", List.of(row(f.project, f.design, "20", "1", "", "", "", "", ""),
						row(f.project, f.review, "5", "", "", "", "", "", ""))));
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.json().get("errors").get(0).get("field").asText()).isEqualTo("rows[1].hours[0]");
		assertThat(tooLong.json().get("detail").asText()).contains("24");
		assertThat(f.entries(f.staff.id(), MONDAY)).isEmpty();
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'TimeEntry' and after ->> 'userId' = ?")
			.param(String.valueOf(f.staff.id())).query(Long.class).single()).isZero();
	}

	@Test
	void hoursMovedBetweenRowsOfOneDayDoNotTripTheDayLimit() {
		f.staff.client(api).put(WEEK, Map.of("rows", List.of(row(f.project, f.design, "20", "", "", "", "", "", ""),
				row(f.project, f.review, "4", "", "", "", "", "", ""))));
		var moved = f.staff.client(api).put(WEEK,
				Map.of("rows", List.of(row(f.project, f.review, "20", "", "", "", "", "", ""),
						row(f.project, f.design, "4", "", "", "", "", "", ""))));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(moved.json().get("dayTotals").get(0).asText()).isEqualTo("24.00");
	}

	@Test
	void copyLastWeekPinsItsRowsWithoutHoursAndAddRowAsksTheRules() {
		LocalDate previous = MONDAY.minusWeeks(1);
		f.staff.client(api).put("/api/v1/timesheets/" + previous,
				Map.of("rows", List.of(row(f.project, f.design, "1", "", "", "", "", "", ""),
						row(f.project, f.review, "", "", "3", "", "", "", ""))));

		var copied = f.staff.client(api).post(WEEK + "/copy-previous", null);
		assertThat(copied.status()).as(copied.toString()).isEqualTo(200);
		JsonNode rows = copied.json().get("rows");
		assertThat(rows).hasSize(2);
		assertThat(texts(rows.get(0).get("hours"))).containsOnly("0.00");
		assertThat(f.entries(f.staff.id(), MONDAY)).isEmpty();
		// pinned rows stay on reload, and copying twice adds nothing
		assertThat(f.staff.client(api).post(WEEK + "/copy-previous", null).json().get("rows")).hasSize(2);
		assertThat(f.staff.client(api).get(WEEK).json().get("rows")).hasSize(2);

		var added = f.staff.client(api).post(WEEK + "/rows",
				Map.of("projectId", f.electronicProject, "activityId", f.design));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		assertThat(added.json().get("rows")).hasSize(3);

		var refused = f.staff.client(api).post(WEEK + "/rows",
				Map.of("projectId", f.electronicProject, "activityId", f.management));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("activityId");
		assertThat(f.staff.client(api).get(WEEK).json().get("rows")).hasSize(3);
	}

	@Test
	void twoSimultaneousSavesOfOneWeekLeaveOneOfThemWhole() throws Exception {
		List<String> first = List.of("1", "2", "3", "4", "5", "0", "0");
		List<String> second = List.of("2", "1", "0", "4", "6", "1", "0");
		for (int round = 0; round < 3; round++) {
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Api.Response>> saves = new ArrayList<>();
				for (List<String> hours : List.of(first, second)) {
					Api.Client client = f.staff.client(api);
					saves.add(pool.submit(() -> {
						start.await();
						return client.put(WEEK, Map.of("rows", List.of(row(f.project, f.design,
								hours.toArray(String[]::new)))));
					}));
				}
				start.countDown();
				for (Future<Api.Response> save : saves) {
					Api.Response response = save.get(30, TimeUnit.SECONDS);
					assertThat(response.status()).as(response.toString()).isEqualTo(200);
				}
			}
			finally {
				pool.shutdownNow();
			}

			Map<LocalDate, List<Integer>> byDay = new HashMap<>();
			for (var e : f.entries(f.staff.id(), MONDAY)) {
				byDay.computeIfAbsent(((java.sql.Date) e.get("entry_date")).toLocalDate(), d -> new ArrayList<>())
					.add((Integer) e.get("minutes"));
			}
			assertThat(byDay.values()).as("one entry per cell").allSatisfy(list -> assertThat(list).hasSize(1));
			List<String> cells = new ArrayList<>();
			for (int d = 0; d < 7; d++) {
				List<Integer> minutes = byDay.getOrDefault(MONDAY.plusDays(d), List.of(0));
				cells.add(String.valueOf(minutes.get(0) / 60));
			}
			assertThat(cells).isIn(first, second);
		}
	}

	private String entry(Api.Client client, LocalDate date, int minutes) {
		var created = client.post("/api/v1/time-entries", Map.of("type", "ACTIVITY", "projectId", f.project,
				"activityId", f.design, "date", date.toString(), "minutes", minutes));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asText();
	}

	private List<String> auditActions(Object entryId) {
		return jdbc.sql("select action from audit_log where entity_type = 'TimeEntry' and entity_id = ? order by id")
			.param(String.valueOf(entryId)).query(String.class).list();
	}

	private static List<String> texts(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(node -> values.add(node.asText()));
		return values;
	}
}
