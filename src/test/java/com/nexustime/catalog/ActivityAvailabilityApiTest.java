package com.nexustime.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.nexustime.support.EditedRules;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /projects/{id}/activities} offers exactly what the activity-availability rules allow. */
class ActivityAvailabilityApiTest extends IntegrationTest {

	private final String unique = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void eachProjectOffersWhatTheRulesAllow() {
		String design = activity("Design " + unique, "DESIGN_CREATIVE", null);
		String management = activity("Management " + unique, "MANAGEMENT", null);
		String acmeOnly = activity("Acme review " + unique, "DESIGN_CREATIVE", "ACME-" + unique);
		String retired = activity("Retired " + unique, "DESIGN_CREATIVE", null);
		assertThat(admin().patch("/api/v1/activities/" + retired, Map.of("active", false)).status()).isEqualTo(200);

		String contact = admin().post("/api/v1/contacts", Map.of("name", "Client " + unique, "email", "c@example.com"))
			.json().get("id").asText();
		String standard = project(contact, "STANDARD", null);
		String electronic = project(contact, "ELECTRONIC", null);
		String acmeProject = project(contact, "STANDARD", "ACME-" + unique);

		assertThat(offered(standard)).contains(design, management).doesNotContain(acmeOnly, retired);
		assertThat(offered(electronic)).contains(design).doesNotContain(management, acmeOnly, retired);
		assertThat(offered(acmeProject)).contains(design, management, acmeOnly).doesNotContain(retired);

		admin().patch("/api/v1/projects/" + standard, Map.of("status", "CLOSED"));
		assertThat(offered(standard)).isEmpty();
	}

	/** The endpoint asks the same service as the pickers, so an edited rule reaches it and them alike. */
	@Test
	void anEditedAvailabilityRuleReachesThisEndpointAsItReachesThePickers() {
		String design = activity("Design " + unique, "DESIGN_CREATIVE", null);
		String management = activity("Management " + unique, "MANAGEMENT", null);
		String contact = admin().post("/api/v1/contacts", Map.of("name", "Client " + unique, "email", "c@example.com"))
			.json().get("id").asText();
		String electronic = project(contact, "ELECTRONIC", null);
		assertThat(offered(electronic)).contains(design).doesNotContain(management);

		try (EditedRules edited = EditedRules.replace(admin(), "activity-availability.drl",
				"$option : ActivityOption( category == \"MANAGEMENT\" )",
				"$option : ActivityOption( category in ( \"MANAGEMENT\", \"DESIGN_CREATIVE\" ) )")) {
			assertThat(offered(electronic)).doesNotContain(design, management);
			assertThat(picker(electronic)).doesNotContain(design, management);
		}
		assertThat(offered(electronic)).contains(design);
		assertThat(picker(electronic)).contains(design);
		// the same activity records as before, not the picker's short form
		var first = admin().get("/api/v1/projects/" + electronic + "/activities").json().get(0);
		assertThat(first.has("category")).isTrue();
		assertThat(first.has("billable")).isTrue();
		assertThat(first.has("active")).isTrue();
	}

	@Test
	void unknownProjectAnswers404() {
		assertThat(admin().get("/api/v1/projects/987654321/activities").status()).isEqualTo(404);
	}

	private List<String> offered(String projectId) {
		var response = admin().get("/api/v1/projects/" + projectId + "/activities");
		assertThat(response.status()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		response.json().forEach(a -> ids.add(a.get("id").asText()));
		return ids;
	}

	private List<String> picker(String projectId) {
		var response = admin().get("/api/v1/activities/available?projectId=" + projectId);
		assertThat(response.status()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		response.json().forEach(a -> ids.add(a.get("id").asText()));
		return ids;
	}

	private String activity(String name, String category, String corporation) {
		Map<String, Object> body = new HashMap<>(Map.of("name", name, "category", category, "billable", true));
		if (corporation != null) {
			body.put("corporation", corporation);
		}
		var response = admin().post("/api/v1/activities", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asText();
	}

	private String project(String contactId, String type, String corporation) {
		Map<String, Object> body = new HashMap<>(Map.of("name", type + " " + unique, "contactId", contactId,
				"type", type, "billingMode", "HOURLY"));
		if (corporation != null) {
			body.put("corporation", corporation);
		}
		var response = admin().post("/api/v1/projects", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asText();
	}
}
