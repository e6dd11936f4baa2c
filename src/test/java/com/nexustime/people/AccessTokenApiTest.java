package com.nexustime.people;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;

import static com.nexustime.people.UserApiTest.PASSWORD;
import static com.nexustime.people.UserApiTest.createUser;
import static com.nexustime.people.UserApiTest.unique;
import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenApiTest extends IntegrationTest {

	@Test
	void aTokenSignsInUntilItIsRevoked() {
		String email = unique("tokens");
		String userId = createUser(admin(), email, "STAFF").get("id").asText();
		Api.Client owner = api.basic(email, PASSWORD);

		var created = owner.post("/api/v1/me/tokens", Map.of("name", "laptop"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode token = created.json();
		String secret = token.get("token").asText();
		assertThat(secret).startsWith("nxt_").startsWith(token.get("prefix").asText());
		assertThat(token.get("name").asText()).isEqualTo("laptop");
		assertThat(token.has("createdAt")).isTrue();

		var me = api.bearer(secret).get("/api/v1/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("id").asText()).isEqualTo(userId);

		var listed = owner.get("/api/v1/me/tokens");
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json()).hasSize(1);
		assertThat(listed.body()).doesNotContain(secret);
		assertThat(listed.json().get(0).has("token")).isFalse();

		String tokenId = token.get("id").asText();
		assertThat(owner.delete("/api/v1/me/tokens/" + tokenId).status()).isEqualTo(204);
		var afterRevoke = api.bearer(secret).get("/api/v1/me");
		assertThat(afterRevoke.status()).isEqualTo(401);
		assertThat(afterRevoke.contentType()).startsWith("application/problem+json");
		assertThat(owner.get("/api/v1/me/tokens").json().get(0).has("revokedAt")).isTrue();

		var trail = admin().get("/api/v1/audit?entityType=AccessToken&entityId=" + tokenId).json();
		assertThat(trail.findValuesAsText("action")).containsExactly("REVOKE", "CREATE");
		assertThat(trail.toString()).doesNotContain(secret);
	}

	@Test
	void garbageAndExpiredTokensAre401() {
		assertThat(api.bearer("garbage").get("/api/v1/me").status()).isEqualTo(401);
		assertThat(api.bearer("nxt_doesnotexist0000000000000000000000000000").get("/api/v1/me").status())
			.isEqualTo(401);

		String email = unique("expiry");
		createUser(admin(), email, "STAFF");
		Instant expiry = Instant.now().plus(3, ChronoUnit.SECONDS);
		String secret = api.basic(email, PASSWORD)
			.post("/api/v1/me/tokens", Map.of("name", "short-lived", "expiresAt", expiry.toString()))
			.json().get("token").asText();
		assertThat(api.bearer(secret).get("/api/v1/me").status()).isEqualTo(200);
		// the token's owner is remembered for a while, but never past the token's expiry
		sleepUntil(expiry.plusMillis(200));
		assertThat(api.bearer(secret).get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void aRememberedTokenIsForgottenWhenItsOwnerChangesOnThisNode() {
		String email = unique("remembered");
		String userId = createUser(admin(), email, "STAFF").get("id").asText();
		String secret = api.basic(email, PASSWORD).post("/api/v1/me/tokens", Map.of("name", "cli")).json()
			.get("token").asText();
		assertThat(api.bearer(secret).get("/api/v1/me").status()).isEqualTo(200);

		// a change behind the application's back (as on another node) is seen once the token is forgotten (30 s)
		jdbc.sql("update app_user set active = false where id = ?").param(Long.parseLong(userId)).update();
		assertThat(api.bearer(secret).get("/api/v1/me").status()).isEqualTo(200);

		// any change through this node forgets the person's tokens at once: the next request reads the row again
		assertThat(admin().patch("/api/v1/users/" + userId, Map.of("name", "Renamed")).status()).isEqualTo(200);
		assertThat(api.bearer(secret).get("/api/v1/me").status()).isEqualTo(401);
		assertThat(admin().patch("/api/v1/users/" + userId, Map.of("active", true)).status()).isEqualTo(200);
		assertThat(api.bearer(secret).get("/api/v1/me").status()).isEqualTo(200);
		assertThat(admin().patch("/api/v1/users/" + userId, Map.of("active", false)).status()).isEqualTo(200);
		assertThat(api.bearer(secret).get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void lastUsedIsWrittenAtMostOnceAMinute() {
		String email = unique("last-used");
		createUser(admin(), email, "STAFF");
		String secret = api.basic(email, PASSWORD).post("/api/v1/me/tokens", Map.of("name", "busy")).json()
			.get("token").asText();
		String lastUsed = "select last_used_at from access_token where name = 'busy' "
				+ "and user_id = (select id from app_user where email = ?)";
		assertThat(api.bearer(secret).get("/api/v1/me").status()).isEqualTo(200);
		assertThat(jdbc.sql(lastUsed).param(email).query(java.sql.Timestamp.class).optional()).isPresent();

		jdbc.sql("update access_token set last_used_at = timestamptz '2001-01-01 00:00:00+00' where name = 'busy' "
				+ "and user_id = (select id from app_user where email = ?)").param(email).update();
		for (int i = 0; i < 5; i++) {
			assertThat(api.bearer(secret).get("/api/v1/me").status()).isEqualTo(200);
		}
		assertThat(jdbc.sql(lastUsed).param(email).query(java.sql.Timestamp.class).single().toInstant())
			.isEqualTo(Instant.parse("2001-01-01T00:00:00Z"));
	}

	private static void sleepUntil(Instant moment) {
		long millis = Instant.now().until(moment, ChronoUnit.MILLIS);
		if (millis > 0) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Test
	void someoneElsesTokenCannotBeRevoked() {
		String owner = unique("owner");
		String thief = unique("thief");
		createUser(admin(), owner, "STAFF");
		createUser(admin(), thief, "STAFF");
		JsonNode token = api.basic(owner, PASSWORD).post("/api/v1/me/tokens", Map.of("name", "mine")).json();

		assertThat(api.basic(thief, PASSWORD).delete("/api/v1/me/tokens/" + token.get("id").asText()).status())
			.isEqualTo(404);
		assertThat(api.basic(thief, PASSWORD).delete("/api/v1/me/tokens/999999999").status()).isEqualTo(404);
		assertThat(api.bearer(token.get("token").asText()).get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void invalidTokenRequestsAreNamed() {
		var response = admin().post("/api/v1/me/tokens",
				Map.of("name", "", "expiresAt", Instant.now().minus(1, ChronoUnit.DAYS).toString()));
		assertThat(response.status()).isEqualTo(400);
		assertThat(UserApiTest.fields(response)).contains("name", "expiresAt");
	}
}
