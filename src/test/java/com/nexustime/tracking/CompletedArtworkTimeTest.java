package com.nexustime.tracking;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.catalog.PerPieceFixture;
import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No new time on a completed artwork: the entry API, the timer's start and the weekly grid's pin and save all
 * refuse it through tracking's one artwork check (422 naming {@code artworkId}).
 */
class CompletedArtworkTimeTest extends IntegrationTest {

	private static final LocalDate MONDAY = LocalDate.of(2026, 11, 9);

	private static final String WEEK = "/api/v1/timesheets/" + MONDAY;

	private PerPieceFixture fx;

	private Api.Client staff;

	private long artwork;

	@BeforeEach
	void fixture() {
		fx = new PerPieceFixture(jdbc, admin());
		staff = fx.staff.client(api);
		artwork = fx.artwork(fx.project, "A-103", fx.tier("Simple"), 0);
	}

	@Test
	void theEntryApiAndTheTimerRefuseACompletedArtwork() {
		fx.complete(artwork);
		Map<String, Object> entry = new HashMap<>(Map.of("type", "ACTIVITY", "projectId", fx.project, "activityId",
				fx.activity, "date", MONDAY.toString(), "minutes", 60, "artworkId", artwork));
		Api.Response refused = staff.post("/api/v1/time-entries", entry);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).contains("application/problem+json");
		assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("artworkId");
		assertThat(refused.json().get("detail").asText()).isEqualTo("artwork A-103 is complete");

		Api.Response timer = staff.post("/api/v1/timer",
				Map.of("projectId", fx.project, "activityId", fx.activity, "artworkId", artwork));
		assertThat(timer.status()).isEqualTo(422);
		assertThat(timer.json().get("errors").get(0).get("field").asText()).isEqualTo("artworkId");
		assertThat(timer.json().get("detail").asText()).isEqualTo("artwork A-103 is complete");
		assertThat(staff.get("/api/v1/timer").status()).isEqualTo(204);
		assertThat(jdbc.sql("select count(*) from time_entry where user_id = ?").param(fx.staff.id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void theGridPinsNoRowAndAddsNoHoursButKeepsTheHoursItHad() {
		Api.Response before = staff.put(WEEK, Map.of("rows", List.of(row("2", "", "", "", "", "", ""))));
		assertThat(before.status()).as(before.toString()).isEqualTo(200);
		fx.complete(artwork);

		Api.Response unchanged = staff.put(WEEK, Map.of("rows", List.of(row("2", "", "", "", "", "", ""))));
		assertThat(unchanged.status()).as("its earlier hours may stay on the grid: " + unchanged).isEqualTo(200);

		Api.Response more = staff.put(WEEK, Map.of("rows", List.of(row("2", "1", "", "", "", "", ""))));
		assertThat(more.status()).isEqualTo(422);
		assertThat(more.json().get("errors").get(0).get("field").asText()).isEqualTo("rows[0].artworkId");
		assertThat(more.json().get("detail").asText()).isEqualTo("artwork A-103 is complete");

		Api.Response pin = staff.post("/api/v1/timesheets/" + MONDAY.plusWeeks(1) + "/rows",
				Map.of("projectId", fx.project, "activityId", fx.activity, "artworkId", artwork));
		assertThat(pin.status()).isEqualTo(422);
		assertThat(pin.json().get("errors").get(0).get("field").asText()).isEqualTo("artworkId");
		assertThat(jdbc.sql("select coalesce(sum(minutes), 0) from time_entry where user_id = ?").param(fx.staff.id())
			.query(Long.class).single()).isEqualTo(120);
	}

	private Map<String, Object> row(String... hours) {
		Map<String, Object> row = new HashMap<>();
		row.put("projectId", fx.project);
		row.put("activityId", fx.activity);
		row.put("hours", List.of(hours));
		row.put("artworkId", artwork);
		return row;
	}
}
