package com.nexustime.catalog;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API contract's side of per-piece pricing: {@code /piece-prices} over the price list, {@code price} on the
 * artwork answers, and what was priced stays priced.
 */
class PiecePriceApiTest extends IntegrationTest {

	private static final LocalDate TODAY = LocalDate.now();

	@Test
	void aPiecePriceIsATierRowWithItsAlterationPriceAndTheContractReadsThemBack() {
		PerPieceFixture fx = new PerPieceFixture(jdbc, admin());
		String tier = fx.tier("Complex");
		Map<String, Object> body = Map.of("complexityTier", tier, "price", "400", "alterationPrice", "25.5",
				"contactId", fx.contact, "effectiveFrom", TODAY.minusDays(10).toString());

		Api.Client manager = TestUsers.create(jdbc, "MANAGER", "STAFF").client(api);
		assertThat(manager.post("/api/v1/piece-prices", body).status()).isEqualTo(403);
		Api.Response created = admin().post("/api/v1/piece-prices", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("complexityTier").asText()).isEqualTo(tier);
		assertThat(created.json().get("price").asText()).isEqualTo("400.00");
		assertThat(created.json().get("alterationPrice").asText()).isEqualTo("25.50");
		assertThat(created.json().get("contactId").asLong()).isEqualTo(fx.contact);
		assertThat(created.json().get("effectiveFrom").asText()).isEqualTo(TODAY.minusDays(10).toString());
		assertThat(jdbc.sql("select count(*) from artwork_price where contact_id = ?").param(fx.contact)
			.query(Long.class).single()).as("the tier row and the alteration row").isEqualTo(2);

		Api.Response tierOnly = admin().post("/api/v1/piece-prices",
				Map.of("complexityTier", fx.tier("Simple"), "price", "150.00", "contactId", fx.contact,
						"effectiveFrom", TODAY.minusDays(5).toString()));
		assertThat(tierOnly.status()).as(tierOnly.toString()).isEqualTo(201);
		assertThat(tierOnly.json().get("alterationPrice").asText()).as("the alteration price in force that day")
			.isEqualTo("25.50");

		Api.Response read = manager.get("/api/v1/piece-prices?contactId=" + fx.contact);
		assertThat(read.status()).isEqualTo(200);
		JsonNode mine = null;
		for (JsonNode row : read.json()) {
			if (tier.equals(row.get("complexityTier").asText())) {
				mine = row;
			}
		}
		assertThat(mine).as(read.body()).isNotNull();
		assertThat(mine.get("price").asText()).isEqualTo("400.00");
		assertThat(mine.get("alterationPrice").asText()).isEqualTo("25.50");

		long artwork = fx.artwork(fx.project, "P-1", tier, 2);
		assertThat(fx.priceOf(artwork).get("price").asText()).isEqualTo("451.00");
	}

	@Test
	void badPiecePricesAreProblemsNamingTheField() {
		PerPieceFixture fx = new PerPieceFixture(jdbc, admin());
		Api.Response noTier = admin().post("/api/v1/piece-prices", Map.of("price", "10.00"));
		assertThat(noTier.status()).isEqualTo(400);
		assertThat(noTier.contentType()).contains("application/problem+json");
		assertThat(noTier.json().get("errors").findValuesAsText("field")).contains("complexityTier");
		Api.Response negative = admin().post("/api/v1/piece-prices",
				Map.of("complexityTier", fx.tier("T"), "price", "10.00", "alterationPrice", "-1"));
		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.json().get("errors").findValuesAsText("field")).contains("alterationPrice");
		Api.Response noPrice = admin().post("/api/v1/piece-prices", Map.of("complexityTier", fx.tier("T")));
		assertThat(noPrice.status()).isEqualTo(400);
		assertThat(noPrice.json().get("errors").findValuesAsText("field")).contains("price");
		Api.Response unknownClient = admin().post("/api/v1/piece-prices",
				Map.of("complexityTier", fx.tier("T"), "price", "10.00", "contactId", 987654321));
		assertThat(unknownClient.status()).isEqualTo(422);
		assertThat(unknownClient.json().get("errors").findValuesAsText("field")).contains("contactId");
	}

	@Test
	void artworkAnswersCarryTheirPriceAndATierIsRequired() {
		PerPieceFixture fx = new PerPieceFixture(jdbc, admin());
		String tier = fx.tier("Complex");
		fx.price(fx.contact, tier, "300.00", null);
		fx.price(fx.contact, null, "20.00", null);

		Api.Response created = admin().post("/api/v1/projects/" + fx.project + "/artworks",
				Map.of("name", "Q-1", "complexityTier", tier, "alterationCount", 1));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("price").asText()).isEqualTo("320.00");
		long id = created.json().get("id").asLong();

		Api.Response patched = admin().patch("/api/v1/artworks/" + id, Map.of("alterationCount", 3));
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		assertThat(patched.json().get("price").asText()).isEqualTo("360.00");

		Api.Response unpriced = admin().post("/api/v1/projects/" + fx.project + "/artworks",
				Map.of("name", "Q-2", "complexityTier", fx.tier("Unknown")));
		assertThat(unpriced.status()).isEqualTo(201);
		assertThat(unpriced.json().has("price")).isTrue();
		assertThat(unpriced.json().get("price").isNull()).as("the list cannot price it").isTrue();

		JsonNode list = admin().get("/api/v1/projects/" + fx.project + "/artworks").json();
		assertThat(list.get(0).get("name").asText()).isEqualTo("Q-1");
		assertThat(list.get(0).get("price").asText()).isEqualTo("360.00");

		Api.Response noTier = admin().post("/api/v1/projects/" + fx.project + "/artworks", Map.of("name", "Q-3"));
		assertThat(noTier.status()).isEqualTo(400);
		assertThat(noTier.contentType()).contains("application/problem+json");
		assertThat(noTier.json().get("errors").findValuesAsText("field")).contains("complexityTier");
	}

	@Test
	void aCompletedArtworkKeepsItsTierAlterationsAndPrice() {
		PerPieceFixture fx = new PerPieceFixture(jdbc, admin());
		String tier = fx.tier("Complex");
		fx.price(fx.contact, tier, "300.00", null);
		long done = fx.artwork(fx.project, "R-1", tier, 0);
		long inProgress = fx.artwork(fx.project, "R-2", tier, 0);
		fx.complete(done);
		jdbc.sql("update artwork set completed_on = ? where id = ?").params(TODAY.minusDays(30), done).update();

		Api.Response tierChange = admin().patch("/api/v1/artworks/" + done, Map.of("complexityTier", fx.tier("Simple")));
		assertThat(tierChange.status()).isEqualTo(409);
		assertThat(tierChange.contentType()).contains("application/problem+json");
		assertThat(tierChange.json().get("errors").get(0).get("field").asText()).isEqualTo("complexityTier");
		assertThat(tierChange.json().get("detail").asText()).contains("R-1 is complete");
		Api.Response alterations = admin().patch("/api/v1/artworks/" + done, Map.of("alterationCount", 2));
		assertThat(alterations.status()).isEqualTo(409);
		assertThat(alterations.json().get("errors").get(0).get("field").asText()).isEqualTo("alterationCount");
		Map<String, Object> rename = new HashMap<>(Map.of("name", "R-1 final", "alterationCount", 0));
		rename.put("complexityTier", tier);
		assertThat(admin().patch("/api/v1/artworks/" + done, rename).status()).as("unchanged fields may be sent")
			.isEqualTo(200);

		Api.Response undated = admin().post("/api/v1/piece-prices", Map.of("complexityTier", tier, "price", "999.00",
				"contactId", fx.contact));
		assertThat(undated.status()).as(undated.toString()).isEqualTo(201);
		assertThat(undated.json().get("effectiveFrom").asText()).as("a price without a date starts today")
			.isEqualTo(TODAY.toString());
		assertThat(fx.priceOf(done).get("price").asText()).as("completed before: keeps its price").isEqualTo("300.00");
		assertThat(fx.priceOf(inProgress).get("price").asText()).isEqualTo("999.00");
	}
}
