package com.nexustime.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogApiTest extends IntegrationTest {

	private final String unique = UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	private PasswordEncoder passwords;

	@Test
	void createsAProjectThatStartsActive() {
		String contactId = contact("Globex");
		String dealId = admin().post("/api/v1/deals", Map.of("contactId", contactId, "title", "Relaunch"))
			.json().get("id").asText();

		var created = admin().post("/api/v1/projects", Map.of("name", "Relaunch " + unique, "contactId", contactId,
				"dealId", dealId, "type", "PER_PIECE", "billingMode", "INVOICE_BUDGET", "corporation", "Globex EU",
				"budgetAmount", "5000"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode project = created.json();
		assertThat(project.get("status").asText()).isEqualTo("ACTIVE");
		assertThat(project.get("type").asText()).isEqualTo("PER_PIECE");
		assertThat(project.get("billingMode").asText()).isEqualTo("INVOICE_BUDGET");
		assertThat(project.get("budgetAmount").asText()).isEqualTo("5000.00");
		assertThat(project.get("contactId").asText()).isEqualTo(contactId);
		assertThat(project.get("dealId").asText()).isEqualTo(dealId);

		String id = project.get("id").asText();
		assertThat(admin().get("/api/v1/projects/" + id).json().get("name").asText()).isEqualTo("Relaunch " + unique);
		assertThat(admin().get("/api/v1/projects?contactId=" + contactId).json().findValuesAsText("id")).containsExactly(id);
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'CREATE' and entity_type = 'Project' and entity_id = ?")
			.param(id).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void patchChangesStatusAndLeavesTheRest() {
		String id = project(contact("Initech"));
		var patched = admin().patch("/api/v1/projects/" + id, Map.of("status", "ARTWORK_COMPLETE"));
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		assertThat(patched.json().get("status").asText()).isEqualTo("ARTWORK_COMPLETE");
		assertThat(patched.json().get("type").asText()).isEqualTo("STANDARD");
		assertThat(admin().get("/api/v1/projects/" + id).json().get("status").asText()).isEqualTo("ARTWORK_COMPLETE");

		var badStatus = admin().patch("/api/v1/projects/" + id, Map.of("status", "FINISHED"));
		assertThat(badStatus.status()).isEqualTo(400);
		assertThat(badStatus.json().get("errors").get(0).get("field").asText()).isEqualTo("status");
	}

	@Test
	void projectReferencesAreChecked() {
		String contactId = contact("Umbrella");
		String otherContactId = contact("Other");
		String foreignDeal = admin().post("/api/v1/deals", Map.of("contactId", otherContactId, "title", "Not yours"))
			.json().get("id").asText();

		var unknownContact = admin().post("/api/v1/projects", Map.of("name", "P", "contactId", "987654321", "type", "STANDARD"));
		assertThat(unknownContact.status()).isEqualTo(422);
		assertThat(unknownContact.json().get("errors").get(0).get("field").asText()).isEqualTo("contactId");

		var wrongDeal = admin().post("/api/v1/projects", Map.of("name", "P", "contactId", contactId, "dealId", foreignDeal,
				"type", "STANDARD"));
		assertThat(wrongDeal.status()).isEqualTo(422);
		assertThat(wrongDeal.json().get("errors").get(0).get("field").asText()).isEqualTo("dealId");

		String id = project(contactId);
		var patchWrongDeal = admin().patch("/api/v1/projects/" + id, Map.of("dealId", foreignDeal));
		assertThat(patchWrongDeal.status()).isEqualTo(422);
		assertThat(admin().get("/api/v1/projects/987654321").status()).isEqualTo(404);
	}

	@Test
	void invalidProjectInputNamesTheFields() {
		var blank = admin().post("/api/v1/projects", Map.of("name", "", "contactId", contact("Blank"), "type", "STANDARD"));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().get("errors").findValuesAsText("field")).containsExactly("name");

		var badType = admin().post("/api/v1/projects", Map.of("name", "X", "contactId", "1", "type", "HUGE"));
		assertThat(badType.status()).isEqualTo(400);
		assertThat(badType.contentType()).startsWith("application/problem+json");
		assertThat(badType.json().get("errors").get(0).get("field").asText()).isEqualTo("type");

		var missing = admin().post("/api/v1/projects", Map.of("name", "X"));
		assertThat(missing.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("contactId", "type");
	}

	@Test
	void purchaseOrderNumbersAndInvoiceGroupsAreUniquePerProject() {
		String id = project(contact("PO client"));
		var created = admin().post("/api/v1/projects/" + id + "/purchase-orders",
				Map.of("number", "PO-1", "amount", "1000", "invoiceGroup", "A"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("amount").asText()).isEqualTo("1000.00");

		assertThat(admin().post("/api/v1/projects/" + id + "/purchase-orders",
				Map.of("number", "PO-1", "amount", "10", "invoiceGroup", "B")).status()).isEqualTo(409);
		var sameGroup = admin().post("/api/v1/projects/" + id + "/purchase-orders",
				Map.of("number", "PO-2", "amount", "10", "invoiceGroup", "A"));
		assertThat(sameGroup.status()).isEqualTo(409);
		assertThat(sameGroup.json().get("detail").asText()).contains("invoice group A");

		var zero = admin().post("/api/v1/projects/" + id + "/purchase-orders",
				Map.of("number", "PO-3", "amount", "0", "invoiceGroup", "C"));
		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.json().get("errors").findValuesAsText("field")).containsExactly("amount");

		// the same number on another project is fine
		String other = project(contact("PO client 2"));
		assertThat(admin().post("/api/v1/projects/" + other + "/purchase-orders",
				Map.of("number", "PO-1", "amount", "5", "invoiceGroup", "A")).status()).isEqualTo(201);
		assertThat(admin().get("/api/v1/projects/" + id + "/purchase-orders").json().findValuesAsText("number"))
			.containsExactly("PO-1");
		assertThat(admin().post("/api/v1/projects/987654321/purchase-orders",
				Map.of("number", "PO-1", "amount", "5", "invoiceGroup", "A")).status()).isEqualTo(404);
	}

	@Test
	void artworksAreAddedAndChanged() {
		String id = project(contact("Artwork client"));
		var created = admin().post("/api/v1/projects/" + id + "/artworks",
				Map.of("name", "Cereal box", "packagingLevel", "Primary", "complexityTier", "T2"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("alterationCount").asInt()).isZero();
		String artworkId = created.json().get("id").asText();

		var patched = admin().patch("/api/v1/artworks/" + artworkId, "{\"alterationCount\": 3, \"complexityTier\": null}");
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		assertThat(patched.json().get("alterationCount").asInt()).isEqualTo(3);
		assertThat(patched.json().has("complexityTier")).isFalse();
		assertThat(patched.json().get("packagingLevel").asText()).isEqualTo("Primary");
		assertThat(admin().get("/api/v1/projects/" + id + "/artworks").json().findValuesAsText("id")).containsExactly(artworkId);

		assertThat(admin().patch("/api/v1/artworks/" + artworkId, Map.of("alterationCount", -1)).status()).isEqualTo(400);
		assertThat(admin().patch("/api/v1/artworks/987654321", Map.of("name", "x")).status()).isEqualTo(404);
	}

	@Test
	void activitiesAreAdminOnlyAndCanBeDeactivated() {
		var created = admin().post("/api/v1/activities",
				Map.of("name", "Layout " + unique, "category", "DESIGN_CREATIVE", "billable", true));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("active").asBoolean()).isTrue();
		String id = created.json().get("id").asText();

		var deactivated = admin().patch("/api/v1/activities/" + id, Map.of("active", false));
		assertThat(deactivated.json().get("active").asBoolean()).isFalse();
		assertThat(deactivated.json().get("category").asText()).isEqualTo("DESIGN_CREATIVE");

		assertThat(admin().post("/api/v1/activities", Map.of("name", "layout " + unique, "category", "MANAGEMENT",
				"billable", true)).status()).as("same name ignoring case").isEqualTo(409);
		assertThat(admin().post("/api/v1/activities", Map.of("name", "Layout " + unique, "category", "MANAGEMENT",
				"billable", true, "corporation", "Globex")).status()).as("another corporation").isEqualTo(201);

		var badCategory = admin().post("/api/v1/activities", Map.of("name", "X", "category", "FUN", "billable", true));
		assertThat(badCategory.status()).isEqualTo(400);
		assertThat(badCategory.json().get("errors").get(0).get("field").asText()).isEqualTo("category");

		Api.Client staff = staffUser();
		var refused = staff.post("/api/v1/activities", Map.of("name", "Sneaky " + unique, "category", "MANAGEMENT"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(staff.post("/api/v1/projects", Map.of("name", "Sneaky", "contactId", "1", "type", "STANDARD")).status())
			.isEqualTo(403);
		assertThat(staff.get("/api/v1/activities/" + id).status()).as("staff may read").isEqualTo(200);
		assertThat(admin().get("/api/v1/activities/987654321").status()).isEqualTo(404);
	}

	@Test
	void vendorsHaveUniqueNames() {
		var created = admin().post("/api/v1/vendors", Map.of("name", "PrintCo " + unique));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asText();
		assertThat(admin().post("/api/v1/vendors", Map.of("name", "printco " + unique)).status()).isEqualTo(409);
		var renamed = admin().patch("/api/v1/vendors/" + id, Map.of("name", "PrintCo Ltd " + unique));
		assertThat(renamed.json().get("name").asText()).isEqualTo("PrintCo Ltd " + unique);
		assertThat(admin().get("/api/v1/vendors").body()).contains("PrintCo Ltd " + unique);
		assertThat(admin().post("/api/v1/vendors", Map.of("name", " ")).status()).isEqualTo(400);
		assertThat(staffUser().post("/api/v1/vendors", Map.of("name", "Nope " + unique)).status()).isEqualTo(403);
	}

	private String contact(String name) {
		return admin().post("/api/v1/contacts", Map.of("name", name + " " + unique, "email", "c@example.com"))
			.json().get("id").asText();
	}

	private String project(String contactId) {
		Map<String, Object> body = new HashMap<>(Map.of("name", "Project " + unique, "contactId", contactId,
				"type", "STANDARD", "billingMode", "HOURLY"));
		var response = admin().post("/api/v1/projects", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asText();
	}

	private Api.Client staffUser() {
		String email = "staff-" + UUID.randomUUID() + "@test.local";
		Long id = jdbc.sql("insert into app_user (email, name, password_hash) values (?, 'Staff', ?) returning id")
			.params(email, passwords.encode("staff-secret-1")).query(Long.class).single();
		jdbc.sql("insert into user_role (app_user, role) values (?, 'STAFF')").param(id).update();
		return api.basic(email, "staff-secret-1");
	}
}
