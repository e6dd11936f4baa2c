package com.nexustime.catalog;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The Thymeleaf pages, requested as a browser does: HTML, a session cookie and the form's CSRF token. */
class CatalogPagesTest extends IntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String unique = UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	private PasswordEncoder passwords;

	@Test
	void pagesShowWhatTheApiCreated() {
		String contactId = admin().post("/api/v1/contacts", Map.of("name", "Pages client " + unique, "email", "p@example.com"))
			.json().get("id").asText();
		admin().post("/api/v1/deals", Map.of("contactId", contactId, "title", "Pages deal " + unique));
		String projectId = admin().post("/api/v1/projects", Map.of("name", "Pages project " + unique,
				"contactId", contactId, "type", "PER_PIECE", "billingMode", "HOURLY")).json().get("id").asText();
		admin().post("/api/v1/projects/" + projectId + "/purchase-orders",
				Map.of("number", "PO-" + unique, "amount", "750", "invoiceGroup", "G1"));
		admin().post("/api/v1/projects/" + projectId + "/artworks", Map.of("name", "Label " + unique, "complexityTier", "Simple"));
		admin().post("/api/v1/activities", Map.of("name", "Retouch " + unique, "category", "DESIGN_CREATIVE", "billable", true));
		admin().post("/api/v1/vendors", Map.of("name", "Courier " + unique));

		Browser browser = new Browser(ADMIN_EMAIL, ADMIN_PASSWORD);
		assertThat(browser.get("/projects").body()).contains("Pages project " + unique);
		assertThat(browser.get("/projects?contactId=" + contactId).body()).contains("Pages project " + unique);
		var detail = browser.get("/projects/" + projectId);
		assertThat(detail.statusCode()).isEqualTo(200);
		assertThat(detail.body()).contains("PO-" + unique, "750.00", "Label " + unique, "Pages client " + unique);
		assertThat(browser.get("/contacts/" + contactId).body()).contains("Pages deal " + unique, "Pages project " + unique);
		assertThat(browser.get("/contacts").body()).contains("Pages client " + unique);
		assertThat(browser.get("/deals").body()).contains("Pages deal " + unique);
		assertThat(browser.get("/activities").body()).contains("Retouch " + unique);
		assertThat(browser.get("/vendors").body()).contains("Courier " + unique);
		assertThat(browser.get("/projects/" + projectId + "/edit").body()).contains("Pages project " + unique);
		for (String form : new String[] { "/contacts/new", "/deals/new", "/projects/new", "/activities/new", "/vendors/new" }) {
			assertThat(browser.get(form).statusCode()).as(form).isEqualTo(200);
		}
		assertThat(browser.get("/projects/987654321").statusCode()).isEqualTo(404);
	}

	@Test
	void invalidFormKeepsWhatWasTypedAndValidFormRedirects() {
		Browser browser = new Browser(ADMIN_EMAIL, ADMIN_PASSWORD);
		String token = browser.csrfFrom("/contacts/new");

		var invalid = browser.post("/contacts", Map.of("_csrf", token, "name", "Typed " + unique, "email", "not-an-email"));
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("value=\"Typed " + unique + "\"", "value=\"not-an-email\"",
				"Enter a valid email address", "is-invalid");

		var valid = browser.post("/contacts", Map.of("_csrf", token, "name", "Typed " + unique, "email", "ok@example.com"));
		assertThat(valid.statusCode()).isEqualTo(302);
		assertThat(valid.headers().firstValue("Location").orElseThrow()).matches(".*/contacts/\\d+");
		assertThat(browser.get("/contacts").body()).contains("Typed " + unique);
	}

	@Test
	void purchaseOrderFormShowsTheConflictAndKeepsTheInput() {
		String contactId = admin().post("/api/v1/contacts", Map.of("name", "PO page " + unique, "email", "p@example.com"))
			.json().get("id").asText();
		String projectId = admin().post("/api/v1/projects", Map.of("name", "PO page " + unique, "contactId", contactId,
				"type", "STANDARD")).json().get("id").asText();
		admin().post("/api/v1/projects/" + projectId + "/purchase-orders",
				Map.of("number", "PO-1", "amount", "100", "invoiceGroup", "A"));

		Browser browser = new Browser(ADMIN_EMAIL, ADMIN_PASSWORD);
		String token = browser.csrfFrom("/projects/" + projectId);
		var duplicate = browser.post("/projects/" + projectId + "/purchase-orders",
				Map.of("_csrf", token, "number", "PO-1", "amount", "12.5", "invoiceGroup", "B"));
		assertThat(duplicate.statusCode()).isEqualTo(200);
		assertThat(duplicate.body()).contains("already has a purchase order numbered PO-1", "value=\"12.5\"");

		var badAmount = browser.post("/projects/" + projectId + "/purchase-orders",
				Map.of("_csrf", token, "number", "PO-2", "amount", "lots", "invoiceGroup", "B"));
		assertThat(badAmount.body()).contains("value=\"lots\"", "must be an amount like 1234.50");
	}

	@Test
	void staffSeesNoWriteButtonsAndCannotOpenForms() {
		String email = "staff-pages-" + UUID.randomUUID() + "@test.local";
		Long id = jdbc.sql("insert into app_user (email, name, password_hash) values (?, 'Staff', ?) returning id")
			.params(email, passwords.encode("staff-secret-1")).query(Long.class).single();
		jdbc.sql("insert into user_role (app_user, role) values (?, 'STAFF')").param(id).update();

		Browser staff = new Browser(email, "staff-secret-1");
		var projects = staff.get("/projects");
		assertThat(projects.statusCode()).isEqualTo(200);
		assertThat(projects.body()).doesNotContain("Add project");
		assertThat(staff.get("/activities").body()).doesNotContain("Add activity");
		assertThat(staff.get("/projects/new").statusCode()).isEqualTo(403);
		assertThat(staff.get("/vendors/new").statusCode()).isEqualTo(403);
		assertThat(new Browser(ADMIN_EMAIL, ADMIN_PASSWORD).get("/projects").body()).contains("Add project");
	}

	/** A browser-like client: asks for HTML, keeps the session cookie, signs in with HTTP Basic. */
	private final class Browser {

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		private final String authorization;

		Browser(String email, String password) {
			this.authorization = "Basic " + Base64.getEncoder()
				.encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
		}

		HttpResponse<String> get(String path) {
			return send(request(path).GET());
		}

		HttpResponse<String> post(String path, Map<String, String> fields) {
			String form = new LinkedHashMap<>(fields).entrySet().stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
		}

		String csrfFrom(String path) {
			Matcher matcher = CSRF.matcher(get(path).body());
			assertThat(matcher.find()).as("a CSRF field on " + path).isTrue();
			return matcher.group(1);
		}

		private HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Accept", "text/html")
				.header("Authorization", authorization);
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new AssertionError(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}
}
