package com.nexustime.crm;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ContactAndDealApiTest extends IntegrationTest {

	private final String unique = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void createsReadsAndChangesAContact() {
		var created = admin().post("/api/v1/contacts",
				Map.of("name", "Acme " + unique, "email", "buyer@acme.example", "company", "Acme Inc."));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode contact = created.json();
		String id = contact.get("id").asText();
		assertThat(contact.get("id").isTextual()).isTrue();
		assertThat(contact.get("name").asText()).isEqualTo("Acme " + unique);
		assertThat(contact.get("company").asText()).isEqualTo("Acme Inc.");

		assertThat(admin().get("/api/v1/contacts/" + id).json().get("email").asText()).isEqualTo("buyer@acme.example");
		assertThat(admin().get("/api/v1/contacts").body()).contains("Acme " + unique);

		var patched = admin().patch("/api/v1/contacts/" + id, "{\"email\":\"ap@acme.example\",\"company\":null}");
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		assertThat(patched.json().get("email").asText()).isEqualTo("ap@acme.example");
		assertThat(patched.json().has("company")).isFalse();
		assertThat(patched.json().get("name").asText()).isEqualTo("Acme " + unique);

		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'Contact' and entity_id = ?")
			.param(id).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void refusesBlankNameAndBadEmailNamingTheFields() {
		var response = admin().post("/api/v1/contacts", Map.of("name", " ", "email", "not-an-email"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "email");
	}

	@Test
	void malformedJsonIsA400() {
		var response = admin().post("/api/v1/contacts", "{\"name\": \"x\",");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void unknownContactIsA404() {
		assertThat(admin().get("/api/v1/contacts/987654321").status()).isEqualTo(404);
		assertThat(admin().patch("/api/v1/contacts/987654321", Map.of("name", "x")).status()).isEqualTo(404);
	}

	@Test
	void staleVersionIsA409() {
		String id = admin().post("/api/v1/contacts", Map.of("name", "Stale " + unique, "email", "s@example.com"))
			.json().get("id").asText();
		assertThat(admin().patch("/api/v1/contacts/" + id, Map.of("name", "First", "version", 0)).status()).isEqualTo(200);
		assertThat(admin().patch("/api/v1/contacts/" + id, Map.of("name", "Second", "version", 0)).status()).isEqualTo(409);
	}

	@Test
	void dealsBelongToAnExistingContact() {
		String contactId = admin().post("/api/v1/contacts", Map.of("name", "Deal client " + unique, "email", "d@example.com"))
			.json().get("id").asText();
		var created = admin().post("/api/v1/deals", Map.of("contactId", contactId, "title", "Spring campaign",
				"amount", "12000.5"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("stage").asText()).isEqualTo("OPEN");
		assertThat(created.json().get("amount").asText()).isEqualTo("12000.50");
		String dealId = created.json().get("id").asText();

		assertThat(admin().get("/api/v1/deals?contactId=" + contactId).json().findValuesAsText("id")).containsExactly(dealId);
		assertThat(admin().get("/api/v1/deals/" + dealId).json().get("title").asText()).isEqualTo("Spring campaign");
		assertThat(admin().get("/api/v1/deals/987654321").status()).isEqualTo(404);

		var unknownContact = admin().post("/api/v1/deals", Map.of("contactId", "987654321", "title", "Lost"));
		assertThat(unknownContact.status()).isEqualTo(422);
		assertThat(unknownContact.json().get("errors").get(0).get("field").asText()).isEqualTo("contactId");

		var badStage = admin().post("/api/v1/deals", Map.of("contactId", contactId, "title", "x", "stage", "MAYBE"));
		assertThat(badStage.status()).isEqualTo(400);
		assertThat(badStage.json().get("errors").get(0).get("field").asText()).isEqualTo("stage");
	}
}
