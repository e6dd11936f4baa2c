package com.nexustime.tracking;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.catalog.PerPieceFixture;
import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The header timer on per-piece work: it runs on an artwork and the entry it becomes carries it. */
class TimerArtworkApiTest extends IntegrationTest {

	private PerPieceFixture fx;

	private Api.Client staff;

	private long artwork;

	@BeforeEach
	void fixture() {
		fx = new PerPieceFixture(jdbc, admin());
		staff = fx.staff.client(api);
		artwork = fx.artwork(fx.project, "T-7", fx.tier("Simple"), 0);
	}

	@Test
	void theStoppedTimersEntryCarriesItsArtwork() {
		Api.Response started = staff.post("/api/v1/timer",
				Map.of("projectId", fx.project, "activityId", fx.activity, "artworkId", artwork));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		assertThat(started.json().get("artworkId").asLong()).isEqualTo(artwork);
		assertThat(staff.get("/api/v1/timer").json().get("artworkName").asText()).isEqualTo("T-7");

		Api.Response stopped = staff.post("/api/v1/timer/stop", null);
		assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
		assertThat(stopped.json().get("artworkId").asLong()).isEqualTo(artwork);
		assertThat(jdbc.sql("select artwork_id from time_entry where id = ?").param(stopped.json().get("id").asLong())
			.query(Long.class).single()).isEqualTo(artwork);
	}

	@Test
	void aSwitchStartsOnTheNewArtworkAndTheStoppedEntryKeepsTheOld() {
		long next = fx.artwork(fx.project, "T-8", fx.tier("Simple"), 0);
		assertThat(staff.post("/api/v1/timer",
				Map.of("projectId", fx.project, "activityId", fx.activity, "artworkId", artwork)).status())
			.isEqualTo(201);
		Api.Response switched = staff.post("/api/v1/timer/switch",
				Map.of("projectId", fx.project, "activityId", fx.activity, "artworkId", next));
		assertThat(switched.status()).as(switched.toString()).isEqualTo(201);
		assertThat(switched.json().get("stopped").get("artworkId").asLong()).isEqualTo(artwork);
		assertThat(switched.json().get("started").get("artworkId").asLong()).isEqualTo(next);
		assertThat(staff.delete("/api/v1/timer").status()).isEqualTo(204);
	}

	@Test
	void anArtworkOfAnotherProjectIsRefusedAtTheStart() {
		long foreign = fx.artwork(fx.project("Other packaging " + fx.unique), "Z-1", fx.tier("Simple"), 0);
		Api.Response refused = staff.post("/api/v1/timer",
				Map.of("projectId", fx.project, "activityId", fx.activity, "artworkId", foreign));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).contains("application/problem+json");
		assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("artworkId");
		assertThat(staff.get("/api/v1/timer").status()).isEqualTo(204);

		Api.Response switchRefused = staff.post("/api/v1/timer/switch",
				Map.of("projectId", fx.project, "activityId", fx.activity, "artworkId", foreign));
		assertThat(switchRefused.status()).isEqualTo(422);
		assertThat(switchRefused.json().get("errors").get(0).get("field").asText()).isEqualTo("artworkId");
	}
}
