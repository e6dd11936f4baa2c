package com.nexustime.people;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a personal token may not do: last for ever, make more tokens, change the password without the current
 * one, or change its owner's roles.
 */
class TokenLimitsTest extends IntegrationTest {

	private String tokenOf(TestUsers.TestUser user) {
		Api.Response made = user.client(api).post("/api/v1/me/tokens", Map.of("name", "ci"));
		assertThat(made.status()).isEqualTo(201);
		return made.json().get("token").asText();
	}

	@Test
	void aTokenWithoutAChosenEndEndsAfterNinetyDaysAndNoneLastsMoreThanAYear() {
		TestUsers.TestUser user = TestUsers.create(jdbc, "STAFF");
		Api.Response made = user.client(api).post("/api/v1/me/tokens", Map.of("name", "no end chosen"));
		Instant ends = Instant.parse(made.json().get("expiresAt").asText());
		System.out.println("a token made without an end date ends at " + ends);
		assertThat(Duration.between(Instant.now(), ends).toDays()).isBetween(89L, 90L);

		Api.Response tooLong = user.client(api).post("/api/v1/me/tokens",
				Map.of("name", "for ever", "expiresAt", Instant.now().plus(Duration.ofDays(400)).toString()));
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.contentType()).contains("problem+json");
		assertThat(tooLong.body()).contains("expiresAt");
	}

	@Test
	void aTokenCannotMakeTokensNorChangeThePasswordOrRoles() {
		TestUsers.TestUser user = TestUsers.create(jdbc, "STAFF");
		Api.Client byToken = api.bearer(tokenOf(user));
		assertThat(byToken.get("/api/v1/me").status()).isEqualTo(200);

		Api.Response more = byToken.post("/api/v1/me/tokens", Map.of("name", "another"));
		System.out.println("a token asking for another token: " + more.status() + " " + more.body());
		assertThat(more.status()).isEqualTo(403);
		assertThat(more.contentType()).contains("problem+json");
		assertThat(jdbc.sql("select count(*) from access_token where user_id = ?").param(user.id()).query(Long.class)
			.single()).isEqualTo(1);

		Api.Response password = byToken.post("/api/v1/me/password", Map.of("newPassword", "taken-over-1234"));
		assertThat(password.status()).isEqualTo(422);
		Api.Response roles = byToken.patch("/api/v1/users/" + user.id(), Map.of("roles", List.of("ADMIN")));
		System.out.println("a token: password without the current one " + password.status()
				+ ", own roles to ADMIN " + roles.status());
		assertThat(roles.status()).isIn(403, 422);
		assertThat(jdbc.sql("select role from user_role where app_user = ?").param(user.id()).query(String.class)
			.list()).containsExactly("STAFF");
		assertThat(user.client(api).get("/api/v1/me").status()).as("the password is unchanged").isEqualTo(200);
	}
}
