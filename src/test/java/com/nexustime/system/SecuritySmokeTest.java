package com.nexustime.system;

import org.junit.jupiter.api.Test;

import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

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
	void anonymousWritesAnswer401NotACsrfRefusal() {
		var response = api.anonymous().post("/api/v1/users", java.util.Map.of("email", "x@y.z"));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void wrongPasswordIsRefused() {
		assertThat(api.basic(ADMIN_EMAIL, "wrong").get("/api/v1/users").status()).isEqualTo(401);
	}

	@Test
	void engineRestIsClosedToAnonymousCallers() {
		assertThat(api.anonymous().get("/engine-rest/deployment").status()).isEqualTo(401);
		assertThat(admin().get("/engine-rest/deployment").status()).isEqualTo(200);
		TestUsers.TestUser staff = TestUsers.create(jdbc, "STAFF", "MANAGER");
		assertThat(staff.client(api).get("/engine-rest/deployment").status()).isEqualTo(403);
	}

	@Test
	void cockpitIsForAdminsAndProcessOwnersOnly() {
		assertThat(api.anonymous().get("/camunda/app/cockpit/default/").status()).isEqualTo(401);
		assertThat(TestUsers.create(jdbc, "STAFF").client(api).get("/camunda/app/cockpit/default/").status())
			.isEqualTo(403);
		assertThat(TestUsers.create(jdbc, "PROCESS_OWNER").client(api).get("/camunda/app/cockpit/default/").status())
			.isEqualTo(200);
		// signed in through Spring Security, the admin is also signed in to Cockpit's own API
		assertThat(admin().get("/camunda/api/engine/engine/default/process-definition/count").status()).isEqualTo(200);
	}

	@Test
	void apiDocumentationIsPublished() {
		var docs = api.anonymous().get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("openapi").asText()).startsWith("3.");
	}
}
