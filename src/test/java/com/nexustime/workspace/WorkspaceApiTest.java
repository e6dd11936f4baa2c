package com.nexustime.workspace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceApiTest extends IntegrationTest {

	@Test
	void everyoneReadsTheSettings() {
		String email = "reader-" + UUID.randomUUID() + "@test.local";
		assertThat(admin().post("/api/v1/users", Map.of("email", email, "name", "Reader", "password", "password-123",
				"roles", List.of("STAFF"))).status()).isEqualTo(201);
		var response = api.basic(email, "password-123").get("/api/v1/workspace");
		assertThat(response.status()).isEqualTo(200);
		JsonNode workspace = response.json();
		assertThat(workspace.get("currency").asText()).hasSize(3);
		assertThat(workspace.get("weekStart").asText()).isIn("MONDAY", "SUNDAY");
		assertThat(workspace.get("alertRecipients").isArray()).isTrue();
		assertThat(workspace.get("defaultRate").asText()).matches("\\d+\\.\\d{2}");
		assertThat(workspace.has("version")).isTrue();

		assertThat(api.basic(email, "password-123").put("/api/v1/workspace", settings(workspace)).status())
			.isEqualTo(403);
	}

	@Test
	void anAdminChangesTheSettingsWithAnAuditedBeforeAndAfter() {
		JsonNode original = admin().get("/api/v1/workspace").json();
		try {
			Map<String, Object> changed = settings(original);
			changed.put("name", "Renamed workspace");
			changed.put("currency", "EUR");
			changed.put("defaultRate", "85.5");
			changed.put("weekStart", "SUNDAY");
			changed.put("poAlertThresholdPercent", "90");
			changed.put("alertRecipients", List.of("finance@test.local", "pm@test.local"));
			changed.put("timerReminderHours", 8);
			changed.put("timeZone", "Europe/Berlin");
			changed.put("weeklyHours", "37.5");
			changed.put("version", original.get("version").asInt());

			var response = admin().put("/api/v1/workspace", changed);
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			JsonNode saved = response.json();
			assertThat(saved.get("name").asText()).isEqualTo("Renamed workspace");
			assertThat(saved.get("defaultRate").asText()).isEqualTo("85.50");
			assertThat(saved.get("poAlertThresholdPercent").asText()).isEqualTo("90.00");
			assertThat(saved.get("alertRecipients").toString()).isEqualTo("[\"finance@test.local\",\"pm@test.local\"]");
			assertThat(saved.get("timeZone").asText()).isEqualTo("Europe/Berlin");
			assertThat(saved.get("weeklyHours").asText()).isEqualTo("37.5");
			assertThat(saved.get("version").asInt()).isEqualTo(original.get("version").asInt() + 1);
			// fields the request left out keep their values
			assertThat(saved.get("approvalLinkDays").asInt()).isEqualTo(original.get("approvalLinkDays").asInt());

			JsonNode record = admin().get("/api/v1/audit?entityType=Workspace&limit=1").json().get(0);
			assertThat(record.get("action").asText()).isEqualTo("UPDATE");
			assertThat(record.get("before").get("name").asText()).isEqualTo(original.get("name").asText());
			assertThat(record.get("after").get("name").asText()).isEqualTo("Renamed workspace");

			// a client still holding the old version is refused
			var stale = admin().put("/api/v1/workspace", changed);
			assertThat(stale.status()).isEqualTo(409);
		}
		finally {
			restore(original);
		}
	}

	@Test
	void theCachedSettingsSeeAChangeOnThisNodeAtOnceAndOneElsewhereWithinSeconds() throws Exception {
		WorkspaceSettings settings = context.getBean(WorkspaceSettings.class);
		JsonNode original = admin().get("/api/v1/workspace").json();
		try {
			assertThat(settings.cached().name()).isEqualTo(original.get("name").asText());
			Map<String, Object> changed = settings(original);
			changed.put("name", "Changed through the API");
			assertThat(admin().put("/api/v1/workspace", changed).status()).isEqualTo(200);
			assertThat(settings.cached().name()).isEqualTo("Changed through the API");

			// written behind the application's back (as by another node): seen once the cached copy is too old
			jdbc.sql("update workspace set name = 'Changed elsewhere' where id = 1").update();
			assertThat(settings.cached().name()).isEqualTo("Changed through the API");
			Thread.sleep(WorkspaceSettings.CACHED_FOR.toMillis() + 100);
			assertThat(settings.cached().name()).isEqualTo("Changed elsewhere");
		}
		finally {
			restore(original);
		}
	}

	@Test
	void invalidSettingsAreNamedFieldByField() {
		JsonNode original = admin().get("/api/v1/workspace").json();
		Map<String, Object> invalid = settings(original);
		invalid.put("currency", "euro");
		invalid.put("poAlertThresholdPercent", "150");
		invalid.put("alertRecipients", List.of("ok@test.local", "not-an-email"));
		invalid.put("timerReminderHours", 0);
		invalid.put("timeZone", "Mars/Olympus");
		invalid.put("brandColor", "blue");
		invalid.put("logoUrl", "ftp://example.com/logo.png");
		invalid.put("name", "");
		invalid.put("weeklyHours", "200");

		var response = admin().put("/api/v1/workspace", invalid);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsText("field")).contains("currency",
				"poAlertThresholdPercent", "alertRecipients[1]", "timerReminderHours", "timeZone", "brandColor",
				"logoUrl", "name", "weeklyHours");

		invalid = settings(original);
		invalid.put("weekStart", "FRIDAY");
		var badDay = admin().put("/api/v1/workspace", invalid);
		assertThat(badDay.status()).isEqualTo(400);
		assertThat(badDay.json().get("errors").get(0).get("field").asText()).isEqualTo("weekStart");

		assertThat(admin().get("/api/v1/workspace").json()).isEqualTo(original);
	}

	/** The mails and PDFs put white text on the brand colour: a colour it cannot be read on is refused. */
	@Test
	void aBrandColourTooLightForWhiteTextIsRefusedAndADarkOneKept() {
		JsonNode original = admin().get("/api/v1/workspace").json();
		try {
			Map<String, Object> light = settings(original);
			light.put("brandColor", "#ffd33d");
			var refused = admin().put("/api/v1/workspace", light);
			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			JsonNode error = refused.json().get("errors").get(0);
			assertThat(error.get("field").asText()).isEqualTo("brandColor");
			assertThat(error.toString()).contains("too light for white text").contains("4.5:1");
			assertThat(admin().get("/api/v1/workspace").json()).isEqualTo(original);

			Map<String, Object> dark = settings(original);
			dark.put("brandColor", "#0a7d32");
			var kept = admin().put("/api/v1/workspace", dark);
			assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
			assertThat(kept.json().get("brandColor").asText()).isEqualTo("#0a7d32");
		}
		finally {
			restore(original);
		}
	}

	/** The contract's fields of a settings answer, as a request body that changes nothing. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> settings(JsonNode workspace) {
		Map<String, Object> body = new HashMap<>(new ObjectMapper().convertValue(workspace, Map.class));
		body.remove("version");
		return body;
	}

	private void restore(JsonNode original) {
		Map<String, Object> body = settings(original);
		var response = admin().put("/api/v1/workspace", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}
}
