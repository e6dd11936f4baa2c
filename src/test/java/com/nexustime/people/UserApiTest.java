package com.nexustime.people;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class UserApiTest extends IntegrationTest {

	static final String PASSWORD = "correct-horse-1";

	@Test
	void adminCreatesAUserWhoCanThenSignIn() {
		String email = unique("ada");
		var response = admin().post("/api/v1/users",
				Map.of("email", email, "name", "Ada Lovelace", "password", PASSWORD, "roles", List.of("STAFF")));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		JsonNode user = response.json();
		assertThat(user.get("id").isTextual()).isTrue();
		assertThat(user.get("email").asText()).isEqualTo(email);
		assertThat(user.get("roles").toString()).isEqualTo("[\"STAFF\"]");
		assertThat(user.has("password")).isFalse();
		assertThat(response.body()).doesNotContain("passwordHash").doesNotContain("{bcrypt}");

		String stored = jdbc.sql("select password_hash from app_user where id = ?")
			.param(Long.parseLong(user.get("id").asText())).query(String.class).single();
		assertThat(stored).startsWith("{bcrypt}");

		var me = api.basic(email, PASSWORD).get("/api/v1/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("name").asText()).isEqualTo("Ada Lovelace");
	}

	@Test
	void creationIsAuditedWithoutThePasswordHash() {
		String id = createUser(admin(), unique("audited"), "STAFF").get("id").asText();
		var trail = admin().get("/api/v1/audit?entityType=User&entityId=" + id);
		assertThat(trail.status()).isEqualTo(200);
		JsonNode record = trail.json().get(0);
		assertThat(record.get("action").asText()).isEqualTo("CREATE");
		assertThat(record.get("actor").asText()).isEqualTo(ADMIN_EMAIL);
		assertThat(record.get("before").isNull()).isTrue();
		assertThat(record.get("after").get("name").asText()).isEqualTo("Test Person");
		assertThat(trail.body()).doesNotContain("bcrypt").doesNotContain(PASSWORD);
	}

	@Test
	void staffMayNotCreateUsers() {
		String email = unique("staff");
		createUser(admin(), email, "STAFF");
		var response = api.basic(email, PASSWORD).post("/api/v1/users",
				Map.of("email", unique("x"), "name", "X", "password", PASSWORD, "roles", List.of("STAFF")));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void duplicateEmailIsAConflictWhateverItsCase() {
		String email = unique("dup");
		createUser(admin(), email, "STAFF");
		var response = admin().post("/api/v1/users", Map.of("email", email.toUpperCase(), "name", "Again",
				"password", PASSWORD, "roles", List.of("STAFF")));
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("detail").asText()).contains("already exists");
	}

	@Test
	void invalidFieldsAreNamed() {
		var response = admin().post("/api/v1/users",
				Map.of("email", "not-an-email", "name", " ", "password", "short", "roles", List.of()));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(fields(response)).contains("email", "name", "password", "roles");
	}

	@Test
	void unknownRoleIsMalformedInput() {
		var response = admin().post("/api/v1/users", Map.of("email", unique("r"), "name", "R", "password", PASSWORD,
				"roles", List.of("EMPEROR")));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("roles[0]");
	}

	@Test
	void unknownManagerIsRefusedOnThatField() {
		var response = admin().post("/api/v1/users", Map.of("email", unique("m"), "name", "M", "password", PASSWORD,
				"roles", List.of("STAFF"), "managerId", "999999999"));
		assertThat(response.status()).isEqualTo(422);
		assertThat(fields(response)).containsExactly("managerId");
	}

	@Test
	void unknownIdIs404() {
		assertThat(admin().get("/api/v1/users/999999999").status()).isEqualTo(404);
		assertThat(admin().patch("/api/v1/users/999999999", Map.of("name", "x")).status()).isEqualTo(404);
	}

	@Test
	void staffSeeOnlyThemselves() {
		String staff = unique("solo");
		String staffId = createUser(admin(), staff, "STAFF").get("id").asText();
		String otherId = createUser(admin(), unique("other"), "STAFF").get("id").asText();
		Api.Client asStaff = api.basic(staff, PASSWORD);

		JsonNode list = asStaff.get("/api/v1/users").json();
		assertThat(list).hasSize(1);
		assertThat(list.get(0).get("id").asText()).isEqualTo(staffId);
		assertThat(asStaff.get("/api/v1/users/" + staffId).status()).isEqualTo(200);
		assertThat(asStaff.get("/api/v1/users/" + otherId).status()).isEqualTo(404);
		assertThat(asStaff.patch("/api/v1/users/" + otherId, Map.of("name", "Hijacked")).status()).isEqualTo(404);
	}

	@Test
	void managersAndAuditorsSeeEveryoneButChangeNoOne() {
		String auditor = unique("auditor");
		createUser(admin(), auditor, "AUDITOR");
		String otherId = createUser(admin(), unique("seen"), "STAFF").get("id").asText();
		Api.Client asAuditor = api.basic(auditor, PASSWORD);

		assertThat(asAuditor.get("/api/v1/users").json().size()).isGreaterThan(1);
		assertThat(asAuditor.get("/api/v1/users/" + otherId).status()).isEqualTo(200);
		assertThat(asAuditor.patch("/api/v1/users/" + otherId, Map.of("name", "Nope")).status()).isEqualTo(403);
	}

	@Test
	void usersChangeTheirOwnNameAndPasswordButNotTheirRoles() {
		String email = unique("self");
		String id = createUser(admin(), email, "STAFF").get("id").asText();
		Api.Client self = api.basic(email, PASSWORD);

		// the own password changes only with the current one (POST /me/password), never through PATCH
		assertThat(self.patch("/api/v1/users/" + id, Map.of("password", "another-secret-2")).status()).isEqualTo(422);
		var renamed = self.patch("/api/v1/users/" + id, Map.of("name", "New Name"));
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
		assertThat(self.post("/api/v1/me/password", Map.of("currentPassword", PASSWORD, "newPassword",
				"another-secret-2")).status()).isEqualTo(204);
		assertThat(renamed.json().get("name").asText()).isEqualTo("New Name");
		assertThat(api.basic(email, PASSWORD).get("/api/v1/me").status()).isEqualTo(401);
		Api.Client withNewPassword = api.basic(email, "another-secret-2");
		assertThat(withNewPassword.get("/api/v1/me").status()).isEqualTo(200);

		assertThat(withNewPassword.patch("/api/v1/users/" + id, Map.of("roles", List.of("ADMIN"))).status())
			.isEqualTo(403);
		assertThat(withNewPassword.patch("/api/v1/users/" + id, Map.of("password", "short")).status()).isEqualTo(400);

		var trail = admin().get("/api/v1/audit?entityType=User&entityId=" + id).json();
		assertThat(trail.get(0).get("action").asText()).isEqualTo("CHANGE_PASSWORD");
		assertThat(trail.get(1).get("action").asText()).isEqualTo("UPDATE");
		assertThat(trail.get(1).get("before").get("name").asText()).isEqualTo("Test Person");
		assertThat(trail.get(1).get("after").get("name").asText()).isEqualTo("New Name");
		assertThat(trail.toString()).doesNotContain("bcrypt");
	}

	@Test
	void adminAssignsRolesManagerAndDeactivates() {
		String managerId = createUser(admin(), unique("boss"), "MANAGER").get("id").asText();
		String email = unique("report");
		String id = createUser(admin(), email, "STAFF").get("id").asText();

		var changed = admin().patch("/api/v1/users/" + id,
				Map.of("roles", List.of("STAFF", "MANAGER"), "managerId", managerId));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().get("managerId").asText()).isEqualTo(managerId);
		assertThat(changed.json().get("roles").toString()).contains("STAFF", "MANAGER");

		// leaving managerId out keeps it; sending null removes it
		assertThat(admin().patch("/api/v1/users/" + id, Map.of("name", "Kept")).json().get("managerId").asText())
			.isEqualTo(managerId);
		assertThat(admin().patch("/api/v1/users/" + id, "{\"managerId\": null}").json().has("managerId")).isFalse();

		assertThat(admin().patch("/api/v1/users/" + id, Map.of("active", false)).json().get("active").asBoolean())
			.isFalse();
		assertThat(api.basic(email, PASSWORD).get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void weeklyHoursAreTheWorkspacesUntilAnAdminSetsThePersonsOwn() {
		String email = unique("parttime");
		String id = createUser(admin(), email, "STAFF").get("id").asText();
		WorkingHours hours = context.getBean(WorkingHours.class);
		BigDecimal workspaceHours = hours.workspaceWeeklyHours();
		assertThat(hours.weeklyHours(Long.parseLong(id))).isEqualByComparingTo(workspaceHours);

		var set = admin().patch("/api/v1/users/" + id, Map.of("weeklyHours", "24.5"));
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		assertThat(new BigDecimal(set.json().get("weeklyHours").asText())).isEqualByComparingTo("24.5");
		assertThat(hours.weeklyHours(Long.parseLong(id))).isEqualByComparingTo("24.5");

		// the person cannot change their own contract hours; out-of-range and over-precise figures name the field
		assertThat(api.basic(email, PASSWORD).patch("/api/v1/users/" + id, Map.of("weeklyHours", 60)).status())
			.isEqualTo(403);
		assertThat(fields(admin().patch("/api/v1/users/" + id, Map.of("weeklyHours", 169)))).containsExactly("weeklyHours");
		assertThat(fields(admin().patch("/api/v1/users/" + id, Map.of("weeklyHours", "20.25"))))
			.containsExactly("weeklyHours");

		var reset = admin().patch("/api/v1/users/" + id, "{\"weeklyHours\": null}");
		assertThat(reset.json().has("weeklyHours")).isFalse();
		assertThat(hours.weeklyHours(Long.parseLong(id))).isEqualByComparingTo(workspaceHours);
	}

	@Test
	void aManagerCycleIsRefused() {
		String top = createUser(admin(), unique("top"), "MANAGER").get("id").asText();
		String middle = createUser(admin(), unique("mid"), "MANAGER").get("id").asText();
		assertThat(admin().patch("/api/v1/users/" + middle, Map.of("managerId", top)).status()).isEqualTo(200);

		var cycle = admin().patch("/api/v1/users/" + top, Map.of("managerId", middle));
		assertThat(cycle.status()).isEqualTo(422);
		assertThat(fields(cycle)).containsExactly("managerId");
		assertThat(admin().patch("/api/v1/users/" + top, Map.of("managerId", top)).status()).isEqualTo(422);
	}

	@Test
	void adminsCannotLockThemselvesOut() {
		String email = unique("admin");
		String id = createUser(admin(), email, "ADMIN").get("id").asText();
		Api.Client self = api.basic(email, PASSWORD);
		assertThat(self.patch("/api/v1/users/" + id, Map.of("roles", List.of("STAFF"))).status()).isEqualTo(422);
		assertThat(self.patch("/api/v1/users/" + id, Map.of("active", false)).status()).isEqualTo(422);
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";
	}

	static JsonNode createUser(Api.Client admin, String email, String... roles) {
		var response = admin.post("/api/v1/users",
				Map.of("email", email, "name", "Test Person", "password", PASSWORD, "roles", List.of(roles)));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	static List<String> fields(Api.Response response) {
		return response.json().get("errors").findValuesAsText("field");
	}
}
