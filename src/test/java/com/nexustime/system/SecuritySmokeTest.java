package com.nexustime.system;

import org.junit.jupiter.api.Test;

import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class SecuritySmokeTest extends IntegrationTest {

	@Test
	void apiWithoutCredentialsAnswers401AsProblemJson() {
		var response = api.anonymous().get("/api/v1/users");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("status").asInt()).isEqualTo(401);
	}

	@Test
	void wrongPasswordIsRefused() {
		assertThat(api.basic(ADMIN_EMAIL, "wrong").get("/api/v1/users").status()).isEqualTo(401);
	}

	@Test
	void engineRestIsClosedToAnonymousCallers() {
		assertThat(api.anonymous().get("/engine-rest/deployment").status()).isEqualTo(401);
		assertThat(admin().get("/engine-rest/deployment").status()).isEqualTo(200);
	}
}
