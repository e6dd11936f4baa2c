package com.nexustime.catalog;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** The artwork price list over HTTP and which of its prices the artwork-pricing rules choose. */
class ArtworkPriceApiTest extends IntegrationTest {

	private static final LocalDate TODAY = LocalDate.now();

	@Test
	void theClientsPriceBeatsTheWorkspacesForTheTierAndForAlterations() {
		PerPieceFixture fx = new PerPieceFixture(jdbc, admin());
		fx.price(null, fx.tier("Complex"), "400.00", null);
		fx.price(null, fx.tier("Simple"), "150.00", null);
		fx.price(fx.contact, fx.tier("Complex"), "360.00", null);
		long other = jdbc.sql("insert into contact (name, email) values ('Other', ?) returning id")
			.param("other-" + fx.unique + "@client.example").query(Long.class).single();
		fx.price(other, fx.tier("Complex"), "100.00", null);
		fx.price(fx.contact, null, "20.00", null);
		fx.price(other, null, "1.00", null);

		JsonNode complex = fx.priceOf(fx.artwork(fx.project, "A-1", fx.tier("Complex"), 2));
		JsonNode simple = fx.priceOf(fx.artwork(fx.project, "A-2", " " + fx.tier("simple").toUpperCase() + " ", 0));

		assertThat(complex.get("tierPrice").asText()).isEqualTo("360.00");
		assertThat(complex.get("alterationPrice").asText()).isEqualTo("20.00");
		assertThat(complex.get("price").asText()).isEqualTo("400.00");
		assertThat(simple.get("price").asText()).as("the workspace's price where the client has none; tier in any case")
			.isEqualTo("150.00");
	}

	@Test
	void aLaterPriceWinsFromItsDateOnAndNotBefore() {
		PerPieceFixture fx = new PerPieceFixture(jdbc, admin());
		String tier = fx.tier("Complex");
		fx.price(fx.contact, tier, "300.00", null);
		fx.price(fx.contact, tier, "320.00", TODAY.minusDays(10));
		fx.price(fx.contact, tier, "999.00", TODAY.plusDays(5));
		long inProgress = fx.artwork(fx.project, "B-1", tier, 0);
		long completedEarlier = fx.artwork(fx.project, "B-2", tier, 0);
		long completedLongAgo = fx.artwork(fx.project, "B-3", tier, 0);
		fx.complete(completedEarlier);
		fx.complete(completedLongAgo);
		jdbc.sql("update artwork set completed_on = ? where id = ?").params(TODAY.minusDays(30), completedLongAgo)
			.update();

		assertThat(fx.priceOf(inProgress).get("price").asText()).as("priced today").isEqualTo("320.00");
		assertThat(fx.priceOf(completedEarlier).get("price").asText()).isEqualTo("320.00");
		assertThat(fx.priceOf(completedLongAgo).get("price").asText()).as("priced on its completion day")
			.isEqualTo("300.00");
	}

	@Test
	void adminsAddManagersReadAndBadInputIsAProblemNamingTheField() {
		PerPieceFixture fx = new PerPieceFixture(jdbc, admin());
		Api.Client manager = TestUsers.create(jdbc, "MANAGER", "STAFF").client(api);
		Api.Client staff = fx.staff.client(api);
		Map<String, Object> valid = Map.of("scope", "CLIENT", "contactId", fx.contact, "item", "TIER",
				"complexityTier", fx.tier("T"), "price", "10.00");

		assertThat(manager.post("/api/v1/artwork-prices", valid).status()).isEqualTo(403);
		assertThat(admin().post("/api/v1/artwork-prices", valid).status()).isEqualTo(201);
		assertThat(admin().post("/api/v1/artwork-prices", valid).status()).as("same target, same day").isEqualTo(409);
		Api.Response read = manager.get("/api/v1/artwork-prices?contactId=" + fx.contact);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body()).contains(fx.tier("T"));
		assertThat(staff.get("/api/v1/artwork-prices").status()).isEqualTo(403);

		Api.Response noTier = admin().post("/api/v1/artwork-prices",
				Map.of("scope", "WORKSPACE", "item", "TIER", "price", "10.00"));
		assertThat(noTier.status()).as("what the item needs is a rule: 422").isEqualTo(422);
		assertThat(noTier.contentType()).contains("application/problem+json");
		assertThat(noTier.body()).contains("complexityTier");
		Api.Response noClient = admin().post("/api/v1/artwork-prices",
				Map.of("scope", "CLIENT", "item", "ALTERATION", "price", "10.00"));
		assertThat(noClient.status()).isEqualTo(422);
		assertThat(noClient.body()).contains("contactId");
		Api.Response tooManyDigits = admin().post("/api/v1/artwork-prices",
				Map.of("scope", "CLIENT", "contactId", fx.contact, "item", "ALTERATION", "price", "12345678901.001"));
		assertThat(tooManyDigits.status()).isEqualTo(400);
		assertThat(tooManyDigits.body()).contains("price");
		Api.Response negative = admin().post("/api/v1/artwork-prices",
				Map.of("scope", "CLIENT", "contactId", fx.contact, "item", "ALTERATION", "price", "-1"));
		assertThat(negative.status()).isEqualTo(400);
	}

	@Test
	void anArtworkIsCompletedOnceAndOnlyOnAPerPieceProject() {
		PerPieceFixture fx = new PerPieceFixture(jdbc, admin());
		long art = fx.artwork(fx.project, "C-1", fx.tier("Simple"), 0);
		fx.complete(art);
		Api.Response again = admin().post("/api/v1/artworks/" + art + "/complete", Map.of());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).contains("application/problem+json");

		long standard = jdbc.sql("insert into project (name, contact_id, type) values (?, ?, 'STANDARD') returning id")
			.params("Standard " + fx.unique, fx.contact).query(Long.class).single();
		long other = fx.artwork(standard, "C-2", fx.tier("Simple"), 0);
		assertThat(admin().post("/api/v1/artworks/" + other + "/complete", Map.of()).status()).isEqualTo(409);
		assertThat(fx.staff.client(api).post("/api/v1/artworks/" + other + "/complete", Map.of()).status())
			.isEqualTo(403);
		assertThat(admin().post("/api/v1/artworks/999999999/complete", Map.of()).status()).isEqualTo(404);
	}

	@Test
	void anEntryRefusesAnArtworkOfAnotherProjectAndKeepsItsOwn() {
		PerPieceFixture fx = new PerPieceFixture(jdbc, admin());
		long otherProject = fx.project("Other packaging " + fx.unique);
		long foreign = fx.artwork(otherProject, "X-1", fx.tier("Simple"), 0);
		long own = fx.artwork(fx.project, "X-2", fx.tier("Simple"), 0);
		Api.Client staff = fx.staff.client(api);
		Map<String, Object> entry = new java.util.HashMap<>(Map.of("type", "ACTIVITY", "projectId", fx.project,
				"activityId", fx.activity, "date", TODAY.toString(), "minutes", 60));

		entry.put("artworkId", foreign);
		Api.Response refused = staff.post("/api/v1/time-entries", entry);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).contains("application/problem+json");
		assertThat(refused.body()).contains("artworkId");

		entry.put("artworkId", own);
		Api.Response saved = staff.post("/api/v1/time-entries", entry);
		assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
		assertThat(saved.json().get("artworkId").asLong()).isEqualTo(own);
	}
}
