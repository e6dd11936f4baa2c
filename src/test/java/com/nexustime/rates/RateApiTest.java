package com.nexustime.rates;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class RateApiTest extends IntegrationTest {

	String userId;

	String projectId;

	String activityId;

	@BeforeEach
	void someoneAndSomethingToPrice() {
		userId = user("rated", "STAFF");
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		long contact = jdbc.sql("insert into contact (name, email) values (?, 'c@test.local') returning id")
			.param("Rate client " + suffix).query(Long.class).single();
		projectId = jdbc.sql("insert into project (name, contact_id, type) values (?, ?, 'STANDARD') returning id")
			.params("Rate project " + suffix, contact).query(Long.class).single().toString();
		activityId = jdbc.sql("insert into activity (name, category) values (?, 'DESIGN_CREATIVE') returning id")
			.param("Rate activity " + suffix).query(Long.class).single().toString();
	}

	@Test
	void aUserRateIsStoredWithTwoDecimalsAndFromTheBeginningByDefault() {
		var response = admin().post("/api/v1/rates", Map.of("scope", "USER", "userId", userId, "hourlyRate", "120.5"));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		JsonNode rate = response.json();
		assertThat(rate.get("id").isTextual()).isTrue();
		assertThat(rate.get("scope").asText()).isEqualTo("USER");
		assertThat(rate.get("userId").asText()).isEqualTo(userId);
		assertThat(rate.get("hourlyRate").asText()).isEqualTo("120.50");
		assertThat(rate.get("effectiveFrom").asText()).isEqualTo("1970-01-01");

		var trail = admin().get("/api/v1/audit?entityType=Rate&entityId=" + rate.get("id").asText()).json();
		assertThat(trail.get(0).get("action").asText()).isEqualTo("CREATE");
		assertThat(trail.get(0).get("after").get("hourlyRate").asText()).isEqualTo("120.50");
	}

	@Test
	void aProjectRateMayBeForOneActivityAndIsListedByProject() {
		var response = admin().post("/api/v1/rates", Map.of("scope", "PROJECT", "projectId", projectId,
				"activityId", activityId, "hourlyRate", "95.00", "effectiveFrom", "2026-01-01"));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.json().get("activityId").asText()).isEqualTo(activityId);

		JsonNode listed = admin().get("/api/v1/rates?projectId=" + projectId).json();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("effectiveFrom").asText()).isEqualTo("2026-01-01");
		assertThat(listed.get(0).get("projectName").asText()).startsWith("Rate project");
		assertThat(admin().get("/api/v1/rates?userId=" + userId).json()).isEmpty();
	}

	@Test
	void theScopeDecidesWhichIdsAreAllowed() {
		assertInvalid(Map.of("scope", "WORKSPACE", "userId", userId, "hourlyRate", "10"), "userId");
		assertInvalid(Map.of("scope", "WORKSPACE", "activityId", activityId, "hourlyRate", "10"), "activityId");
		assertInvalid(Map.of("scope", "USER", "hourlyRate", "10"), "userId");
		assertInvalid(Map.of("scope", "USER", "userId", userId, "projectId", projectId, "hourlyRate", "10"),
				"projectId");
		assertInvalid(Map.of("scope", "PROJECT", "hourlyRate", "10"), "projectId");
		assertInvalid(Map.of("scope", "PROJECT", "projectId", projectId, "userId", userId, "hourlyRate", "10"),
				"userId");
	}

	@Test
	void amountsAndScopeAreValidated() {
		assertInvalid(Map.of("scope", "USER", "userId", userId, "hourlyRate", "-1"), "hourlyRate");
		assertInvalid(Map.of("scope", "USER", "userId", userId, "hourlyRate", "1.234"), "hourlyRate");
		assertInvalid(Map.of("userId", userId, "hourlyRate", "10"), "scope");
		assertInvalid(Map.of("scope", "GALAXY", "hourlyRate", "10"), "scope");
		Map<String, Object> noRate = new HashMap<>(Map.of("scope", "USER", "userId", userId));
		assertInvalid(noRate, "hourlyRate");
	}

	@Test
	void unknownTargetsAreRefusedOnTheirField() {
		var response = admin().post("/api/v1/rates", Map.of("scope", "USER", "userId", "999999999", "hourlyRate", "10"));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("userId");
		var activity = admin().post("/api/v1/rates", Map.of("scope", "USER", "userId", userId,
				"activityId", "999999999", "hourlyRate", "10"));
		assertThat(activity.status()).isEqualTo(422);
		assertThat(activity.json().get("errors").get(0).get("field").asText()).isEqualTo("activityId");
	}

	@Test
	void twoRatesForTheSameTargetAndDayConflict() {
		Map<String, Object> rate = Map.of("scope", "USER", "userId", userId, "hourlyRate", "80",
				"effectiveFrom", "2026-03-01");
		assertThat(admin().post("/api/v1/rates", rate).status()).isEqualTo(201);
		assertThat(admin().post("/api/v1/rates", rate).status()).isEqualTo(409);
		assertThat(admin().post("/api/v1/rates", Map.of("scope", "USER", "userId", userId, "hourlyRate", "85",
				"effectiveFrom", "2026-04-01")).status()).isEqualTo(201);
		assertThat(admin().get("/api/v1/rates?userId=" + userId).json()).hasSize(2);
	}

	@Test
	void onlyAdminsAddAndOnlyStaffCannotRead() {
		Api.Client staff = api.basic(email(userId), "password-123");
		assertThat(staff.post("/api/v1/rates", Map.of("scope", "USER", "userId", userId, "hourlyRate", "999"))
			.status()).isEqualTo(403);
		assertThat(staff.get("/api/v1/rates").status()).isEqualTo(403);
		String managerId = user("rate-manager", "MANAGER");
		assertThat(api.basic(email(managerId), "password-123").get("/api/v1/rates").status()).isEqualTo(200);
	}

	private void assertInvalid(Map<String, Object> body, String field) {
		var response = admin().post("/api/v1/rates", body);
		assertThat(response.status()).as(body + " -> " + response).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsText("field")).as(body.toString()).contains(field);
	}

	private String user(String name, String role) {
		String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";
		var response = admin().post("/api/v1/users",
				Map.of("email", email, "name", name, "password", "password-123", "roles", List.of(role)));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asText();
	}

	private String email(String id) {
		return jdbc.sql("select email from app_user where id = ?").param(Long.parseLong(id)).query(String.class)
			.single();
	}
}
