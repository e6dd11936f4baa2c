package com.nexustime.rules;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.nexustime.support.Api;
import com.nexustime.support.EditedRules;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules over the API and the admin page, against the application's own rules/ folder. */
class RulesAdminApiTest extends IntegrationTest {

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	ActivityRules activityRules;

	@Test
	void adminSeesTheLoadedRuleFiles() {
		var response = admin().get("/api/v1/admin/rules");

		assertThat(response.status()).isEqualTo(200);
		var body = response.json();
		assertThat(body.path("lastLoad").path("ok").asBoolean()).isTrue();
		assertThat(body.path("inEffect").path("files").toString()).contains("activity-availability.drl");
		assertThat(body.path("files").findValuesAsText("name")).contains("activity-availability.drl");
	}

	@Test
	void reloadAnswersTheNewLoad() {
		var response = admin().post("/api/v1/admin/rules/reload", null);

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().path("ok").asBoolean()).isTrue();
		assertThat(response.json().path("loadedAt").asText()).isNotBlank();
		assertThat(response.json().path("files").toString()).contains("activity-availability.drl");
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'RELOAD' and entity_type = 'Rules'")
			.query(Long.class).single()).isPositive();
	}

	@Test
	void brokenFileIsReportedAs422AndTheOldRulesStay() throws Exception {
		Path broken = EditedRules.FOLDER.resolve("zz-reload-test-" + UUID.randomUUID() + ".drl");
		ProjectFacts electronic = new ProjectFacts(1, "ELECTRONIC", "ACTIVE", null);
		ActivityOption management = new ActivityOption(2, "MANAGEMENT", null, true);
		try {
			Files.writeString(broken, """
					package broken

					rule "never closed"
					when
					    String( length > 3
					then
					end
					""");

			var response = admin().post("/api/v1/admin/rules/reload", null);

			assertThat(response.status()).as(response.toString()).isEqualTo(422);
			assertThat(response.contentType()).startsWith("application/problem+json");
			var error = response.json().path("errors").get(0);
			assertThat(error.path("file").asText()).isEqualTo(broken.getFileName().toString());
			assertThat(error.path("line").asInt()).isPositive();
			assertThat(error.path("message").asText()).isNotBlank();
			assertThat(activityRules.refusal(electronic, management)).isPresent();
			var overview = admin().get("/api/v1/admin/rules").json();
			assertThat(overview.path("lastLoad").path("ok").asBoolean()).isFalse();
			assertThat(overview.path("inEffect").path("ok").asBoolean()).isTrue();
		}
		finally {
			Files.deleteIfExists(broken);
		}
		assertThat(admin().post("/api/v1/admin/rules/reload", null).status()).isEqualTo(200);
	}

	@Test
	void onlyAdminsAndProcessOwnersManageRules() {
		Api.Client staff = userWithRole("STAFF");
		Api.Client owner = userWithRole("PROCESS_OWNER");

		assertThat(api.anonymous().get("/api/v1/admin/rules").status()).isEqualTo(401);
		assertThat(staff.get("/api/v1/admin/rules").status()).isEqualTo(403);
		assertThat(staff.post("/api/v1/admin/rules/reload", null).status()).isEqualTo(403);
		assertThat(staff.get("/admin/rules").status()).isEqualTo(403);
		assertThat(owner.get("/api/v1/admin/rules").status()).isEqualTo(200);
		assertThat(owner.post("/api/v1/admin/rules/reload", null).status()).isEqualTo(200);
	}

	@Test
	void pageListsRulesProcessesAndForms() {
		var page = admin().get("/admin/rules");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("activity-availability.drl", "Reload rules", "weekly-timesheet",
				"Weekly timesheet", "nexus:manager-review", "approved, comment");
	}

	@Test
	void reloadButtonPostsWithCsrfAndShowsTheOutcome() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String basic = "Basic " + Base64.getEncoder().encodeToString((ADMIN_EMAIL + ":" + ADMIN_PASSWORD).getBytes());
		String page = browser.send(HttpRequest.newBuilder(URI.create(base() + "/admin/rules")).header("Authorization", basic)
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).as("the reload form carries a CSRF token").isTrue();

		HttpResponse<String> withoutToken = browser.send(post(basic, ""), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> reloaded = browser.send(post(basic, "_csrf=" + csrf.group(1)),
				HttpResponse.BodyHandlers.ofString());

		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(reloaded.statusCode()).isEqualTo(302);
		assertThat(reloaded.headers().firstValue("Location")).get().asString().endsWith("/admin/processes");
		String after = browser.send(HttpRequest.newBuilder(URI.create(base() + "/admin/processes"))
			.header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(after).containsPattern("Rules reloaded: \\d+ file\\(s\\) in effect\\.");
	}

	private HttpRequest post(String authorization, String form) {
		return HttpRequest.newBuilder(URI.create(base() + "/admin/rules/reload"))
			.header("Authorization", authorization)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private Api.Client userWithRole(String role) {
		String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@rules.test";
		String password = "secret-" + UUID.randomUUID();
		Long id = jdbc.sql("insert into app_user (email, name, password_hash) values (?, ?, ?) returning id")
			.params(email, "Rules test " + role, passwords.encode(password)).query(Long.class).single();
		jdbc.sql("insert into user_role (app_user, role) values (?, ?)").params(id, role).update();
		return api.basic(email, password);
	}
}
