package com.nexustime.people;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nexustime.support.FormSession;
import com.nexustime.support.FormSession.Page;
import com.nexustime.support.IntegrationTest;

import static com.nexustime.people.UserApiTest.PASSWORD;
import static com.nexustime.people.UserApiTest.createUser;
import static com.nexustime.people.UserApiTest.unique;
import static org.assertj.core.api.Assertions.assertThat;

class UserPagesTest extends IntegrationTest {

	@Test
	void adminAddsAUserThroughTheForm() {
		FormSession browser = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		assertThat(browser.get("/users/new").status()).isEqualTo(200);
		String email = unique("paged");

		Page saved = browser.post("/users", Map.of("email", email, "name", "Paged Person", "password", PASSWORD,
				"roles", List.of("STAFF", "AUDITOR"), "managerId", ""));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		Page list = browser.follow(saved);
		assertThat(list.body()).contains("Added Paged Person.").contains(email).contains(">Auditor<");
		assertThat(api.basic(email, PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void aRefusedFormKeepsWhatWasTypedAndSaysWhy() {
		FormSession browser = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		browser.get("/users/new");

		Page refused = browser.post("/users", Map.of("email", "typed-but-wrong", "name", "Kept Name",
				"password", "short", "managerId", ""));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("value=\"typed-but-wrong\"").contains("value=\"Kept Name\"")
			.contains("must be a well-formed email address").contains("must be between 8 and 200 characters")
			.contains("must name at least one role");

		String taken = unique("taken");
		createUser(admin(), taken, "STAFF");
		Page duplicate = browser.post("/users", Map.of("email", taken, "name", "Twin", "password", PASSWORD,
				"roles", List.of("STAFF"), "managerId", ""));
		assertThat(duplicate.status()).isEqualTo(200);
		assertThat(duplicate.body()).contains("already exists").contains("value=\"Twin\"");
	}

	@Test
	void adminEditsRolesManagerAndKeepsThePasswordWhenLeftEmpty() {
		String managerId = createUser(admin(), unique("page-boss"), "MANAGER").get("id").asText();
		String email = unique("edited");
		String id = createUser(admin(), email, "STAFF").get("id").asText();
		FormSession browser = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		assertThat(browser.get("/users/" + id + "/edit").body()).contains("value=\"Test Person\"");

		Page saved = browser.post("/users/" + id, Map.of("name", "Edited Person", "roles", List.of("STAFF", "MANAGER"),
				"_roles", "on", "managerId", managerId, "active", "true", "_active", "on", "password", ""));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		var user = admin().get("/api/v1/users/" + id).json();
		assertThat(user.get("name").asText()).isEqualTo("Edited Person");
		assertThat(user.get("managerId").asText()).isEqualTo(managerId);
		assertThat(user.get("roles").toString()).contains("MANAGER");
		assertThat(api.basic(email, PASSWORD).get("/api/v1/me").status()).isEqualTo(200);

		Page refused = browser.post("/users/" + id, Map.of("name", " ", "_roles", "on", "managerId", "",
				"_active", "on", "password", "short"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("must not be blank").contains("must name at least one role")
			.contains("must be between 8 and 200 characters");
	}

	@Test
	void staffCannotOpenTheAdminForms() {
		String email = unique("page-staff");
		createUser(admin(), email, "STAFF");
		FormSession browser = FormSession.signIn(port, email, PASSWORD);
		assertThat(browser.get("/users/new").status()).isEqualTo(403);
		assertThat(browser.get("/users").status()).isEqualTo(403);
	}

	@Test
	void tokensAreCreatedShownOnceAndRevokedOnTheirPage() {
		String email = unique("page-tokens");
		createUser(admin(), email, "STAFF");
		FormSession browser = FormSession.signIn(port, email, PASSWORD);
		assertThat(browser.get("/me/tokens").status()).isEqualTo(200);

		Page created = browser.follow(browser.post("/me/tokens", Map.of("name", "from the page", "expiresOn", "")));
		java.util.regex.Matcher secret = java.util.regex.Pattern.compile("(nxt_[A-Za-z0-9_-]{20,})")
			.matcher(created.body());
		assertThat(secret.find()).as(created.body()).isTrue();
		String token = secret.group(1);
		assertThat(api.bearer(token).get("/api/v1/me").status()).isEqualTo(200);
		assertThat(browser.get("/me/tokens").body()).doesNotContain(token).contains("from the page");

		String id = api.bearer(token).get("/api/v1/me/tokens").json().get(0).get("id").asText();
		Page revoked = browser.follow(browser.post("/me/tokens/" + id + "/revoke", Map.of()));
		assertThat(revoked.body()).contains("revoked");
		assertThat(api.bearer(token).get("/api/v1/me").status()).isEqualTo(401);

		Page refused = browser.post("/me/tokens", Map.of("name", "", "expiresOn", "2001-01-01"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("must not be blank").contains("must be a future date");
	}
}
