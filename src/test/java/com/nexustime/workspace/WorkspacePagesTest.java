package com.nexustime.workspace;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nexustime.support.FormSession;
import com.nexustime.support.FormSession.Page;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class WorkspacePagesTest extends IntegrationTest {

	@Test
	void theFormShowsErrorsWithTheTypedValuesAndSavesValidSettings() {
		var original = admin().get("/api/v1/workspace").json();
		FormSession browser = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		assertThat(browser.get("/settings/workspace").status()).isEqualTo(200);

		Map<String, Object> form = new HashMap<>();
		form.put("version", original.get("version").asText());
		form.put("name", "Paged workspace");
		form.put("senderName", "");
		form.put("currency", "XX");
		form.put("defaultRate", "50");
		form.put("weekStart", "MONDAY");
		form.put("timeZone", "Nowhere/Land");
		form.put("poAlertThresholdPercent", "95");
		form.put("timerReminderHours", "10");
		form.put("approvalLinkDays", "30");
		form.put("alertRecipientsText", "ok@test.local\nbroken-address");
		form.put("brandColor", "#1f6feb");
		form.put("logoUrl", "");

		Page refused = browser.post("/settings/workspace", form);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("value=\"Paged workspace\"").contains("value=\"XX\"")
			.contains("must be a three-letter ISO 4217 currency code").contains("must be a time-zone id")
			.contains("broken-address").contains("must be a well-formed email address");

		try {
			form.put("currency", "GBP");
			form.put("timeZone", "Europe/London");
			form.put("alertRecipientsText", "ok@test.local, second@test.local");
			Page saved = browser.post("/settings/workspace", form);
			assertThat(saved.status()).as(saved.body()).isEqualTo(302);
			assertThat(browser.follow(saved).body()).contains("Workspace settings saved.");
			var now = admin().get("/api/v1/workspace").json();
			assertThat(now.get("currency").asText()).isEqualTo("GBP");
			assertThat(now.get("alertRecipients").toString()).isEqualTo("[\"ok@test.local\",\"second@test.local\"]");

			// the same form again carries a version that is now stale
			Page stale = browser.post("/settings/workspace", form);
			assertThat(stale.status()).isEqualTo(200);
			assertThat(stale.body()).contains("Someone else saved the settings");
		}
		finally {
			@SuppressWarnings("unchecked")
			Map<String, Object> restore = new HashMap<>(
					new com.fasterxml.jackson.databind.ObjectMapper().convertValue(original, Map.class));
			restore.remove("version");
			assertThat(admin().put("/api/v1/workspace", restore).status()).isEqualTo(200);
		}
	}
}
