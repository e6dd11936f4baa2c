package com.nexustime.timesheet;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.catalog.PerPieceFixture;
import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Grid rows of a per-piece project carry an artwork: project × activity × artwork is the row. */
class GridArtworkApiTest extends IntegrationTest {

	private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

	private static final String WEEK = "/api/v1/timesheets/" + MONDAY;

	private PerPieceFixture fx;

	private Api.Client staff;

	private long a101;

	private long a102;

	@BeforeEach
	void fixture() {
		fx = new PerPieceFixture(jdbc, admin());
		staff = fx.staff.client(api);
		a101 = fx.artwork(fx.project, "A-101", fx.tier("Simple"), 0);
		a102 = fx.artwork(fx.project, "A-102", fx.tier("Complex"), 1);
	}

	@Test
	void eachArtworkIsARowOfItsOwnAndItsNewEntriesCarryIt() {
		Api.Response saved = staff.put(WEEK, Map.of("rows", List.of(
				row(a101, "2", "", "", "", "", "", ""),
				row(a102, "", "1:30", "", "", "", "", ""),
				row(null, "", "", "0.5", "", "", "", ""))));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

		Map<Long, Integer> minutesByArtwork = new HashMap<>();
		jdbc.sql("select artwork_id, minutes from time_entry where user_id = ? and project_id = ?")
			.params(fx.staff.id(), fx.project)
			.query((rs, n) -> minutesByArtwork.put(rs.getObject(1) == null ? 0L : rs.getLong(1), rs.getInt(2)))
			.list();
		assertThat(minutesByArtwork).containsExactlyInAnyOrderEntriesOf(Map.of(a101, 120, a102, 90, 0L, 30));

		JsonNode rows = staff.get(WEEK).json().get("rows");
		assertThat(rows).hasSize(3);
		// the row on no artwork first, then by artwork number; artworkId/artworkName only where there is one
		assertThat(rows.get(0).has("artworkId")).isFalse();
		assertThat(rows.get(0).get("total").asText()).isEqualTo("0.50");
		assertThat(rows.get(1).get("artworkId").asLong()).isEqualTo(a101);
		assertThat(rows.get(1).get("artworkName").asText()).isEqualTo("A-101");
		assertThat(rows.get(1).get("total").asText()).isEqualTo("2.00");
		assertThat(rows.get(2).get("artworkId").asLong()).isEqualTo(a102);
		assertThat(rows.get(2).get("hours").get(1).asText()).isEqualTo("1.50");

		// changing one artwork's hours leaves the other artwork's entries alone
		Api.Response changed = staff.put(WEEK, Map.of("rows", List.of(row(a101, "3", "", "", "", "", "", ""))));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(jdbc.sql("select sum(minutes) from time_entry where user_id = ? and artwork_id = ?")
			.params(fx.staff.id(), a101).query(Integer.class).single()).isEqualTo(180);
		assertThat(jdbc.sql("select sum(minutes) from time_entry where user_id = ? and artwork_id = ?")
			.params(fx.staff.id(), a102).query(Integer.class).single()).isEqualTo(90);
	}

	@Test
	void aRowAddedForAnArtworkIsPinnedWithItAndAnotherProjectsArtworkIsRefused() {
		long foreign = fx.artwork(fx.project("Other packaging " + fx.unique), "Z-9", fx.tier("Simple"), 0);

		Api.Response pinned = staff.post(WEEK + "/rows",
				Map.of("projectId", fx.project, "activityId", fx.activity, "artworkId", a102));
		assertThat(pinned.status()).as(pinned.toString()).isEqualTo(201);
		JsonNode rows = pinned.json().get("rows");
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get("artworkName").asText()).isEqualTo("A-102");
		// the same project × activity on no artwork is another row
		assertThat(staff.post(WEEK + "/rows", Map.of("projectId", fx.project, "activityId", fx.activity))
			.json().get("rows")).hasSize(2);

		Api.Response refusedPin = staff.post(WEEK + "/rows",
				Map.of("projectId", fx.project, "activityId", fx.activity, "artworkId", foreign));
		assertThat(refusedPin.status()).isEqualTo(422);
		assertThat(refusedPin.contentType()).contains("application/problem+json");
		assertThat(refusedPin.json().get("errors").get(0).get("field").asText()).isEqualTo("artworkId");

		Api.Response refusedSave = staff.put(WEEK, Map.of("rows", List.of(
				row(a101, "1", "", "", "", "", "", ""), row(foreign, "1", "", "", "", "", "", ""))));
		assertThat(refusedSave.status()).isEqualTo(422);
		assertThat(refusedSave.json().get("errors").get(0).get("field").asText()).isEqualTo("rows[1].artworkId");
		assertThat(jdbc.sql("select count(*) from time_entry where user_id = ?").param(fx.staff.id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void lastWeeksArtworkRowsAreCarriedOverUnlessTheArtworkIsComplete() {
		String previous = "/api/v1/timesheets/" + MONDAY.minusWeeks(1);
		assertThat(staff.put(previous, Map.of("rows", List.of(row(a101, "1", "", "", "", "", "", ""),
				row(a102, "1", "", "", "", "", "", ""), row(null, "1", "", "", "", "", "", "")))).status())
			.isEqualTo(200);
		fx.complete(a102);

		Api.Response copied = staff.post(WEEK + "/copy-previous", null);
		assertThat(copied.status()).as(copied.toString()).isEqualTo(200);
		JsonNode rows = copied.json().get("rows");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).has("artworkId")).isFalse();
		assertThat(rows.get(1).get("artworkId").asLong()).isEqualTo(a101);
	}

	@Test
	void theArtworkRowsOfOnePairShareTheirNote() {
		Map<String, Object> first = row(a101, "1", "", "", "", "", "", "");
		first.put("note", "Proof round");
		Map<String, Object> second = row(a102, "1", "", "", "", "", "", "");
		second.put("note", "Something else");
		Api.Response refused = staff.put(WEEK, Map.of("rows", List.of(first, second)));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("rows[1].note");

		second.put("note", "Proof round");
		Api.Response saved = staff.put(WEEK, Map.of("rows", List.of(first, second)));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		JsonNode rows = saved.json().get("rows");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).get("note").asText()).isEqualTo("Proof round");
		assertThat(rows.get(1).get("note").asText()).isEqualTo("Proof round");
	}

	private Map<String, Object> row(Long artworkId, String... hours) {
		Map<String, Object> row = new HashMap<>();
		row.put("projectId", fx.project);
		row.put("activityId", fx.activity);
		row.put("hours", List.of(hours));
		if (artworkId != null) {
			row.put("artworkId", artworkId);
		}
		return row;
	}
}
