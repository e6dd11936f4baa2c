package com.nexustime.rates;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.nexustime.support.FormSession;
import com.nexustime.support.FormSession.Page;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class RatePagesTest extends IntegrationTest {

	@Test
	void adminAddsARateAndARefusedFormKeepsItsInput() {
		String email = "page-rated-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";
		String userId = admin().post("/api/v1/users", Map.of("email", email, "name", "Page Rated",
				"password", "password-123", "roles", List.of("STAFF"))).json().get("id").asText();
		FormSession browser = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		assertThat(browser.get("/rates").status()).isEqualTo(200);

		Page refused = browser.post("/rates", Map.of("scope", "WORKSPACE", "userId", userId, "projectId", "",
				"activityId", "", "hourlyRate", "abc", "effectiveFrom", ""));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("value=\"abc\"").contains("must be an amount like 1234.50");

		Page saved = browser.post("/rates", Map.of("scope", "USER", "userId", userId, "projectId", "",
				"activityId", "", "hourlyRate", "77.25", "effectiveFrom", "2026-02-01"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		assertThat(browser.follow(saved).body()).contains("Rate added.").contains("77.25").contains("Page Rated");
		assertThat(admin().get("/api/v1/rates?userId=" + userId).json().get(0).get("hourlyRate").asText())
			.isEqualTo("77.25");

		Page mismatch = browser.post("/rates", Map.of("scope", "WORKSPACE", "userId", userId, "projectId", "",
				"activityId", "", "hourlyRate", "10", "effectiveFrom", ""));
		assertThat(mismatch.status()).isEqualTo(200);
		assertThat(mismatch.body()).contains("must be empty for a WORKSPACE rate");
	}
}
