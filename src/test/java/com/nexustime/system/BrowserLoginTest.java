package com.nexustime.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser's way in: a login form with CSRF, a session cookie, and forms refused without the token. */
class BrowserLoginTest extends IntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private HttpClient browser;

	@BeforeEach
	void newBrowser() {
		browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	}

	@Test
	void signsInWithTheFormAndSeesTheirNameAndRoles() throws Exception {
		HttpResponse<String> loginPage = get("/login");
		assertThat(loginPage.statusCode()).isEqualTo(200);
		String token = csrf(loginPage.body());

		HttpResponse<String> login = postForm("/login",
				"username=" + enc(ADMIN_EMAIL) + "&password=" + enc(ADMIN_PASSWORD) + "&_csrf=" + enc(token));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

		HttpResponse<String> home = get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Administrator").contains("Staff, Manager, Administrator").contains("/camunda/app/cockpit/");
	}

	@Test
	void aWrongPasswordReturnsToTheLoginPageWithAnError() throws Exception {
		String token = csrf(get("/login").body());
		HttpResponse<String> login = postForm("/login",
				"username=" + enc(ADMIN_EMAIL) + "&password=nope&_csrf=" + enc(token));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).contains("/login?error");
	}

	@Test
	void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
		get("/login");
		HttpResponse<String> login = postForm("/login",
				"username=" + enc(ADMIN_EMAIL) + "&password=" + enc(ADMIN_PASSWORD));
		assertThat(login.statusCode()).isEqualTo(403);
	}

	@Test
	void aPageTheRolesDoNotAllowShowsTheErrorPageNotJson() throws Exception {
		com.nexustime.support.TestUsers.TestUser staff = com.nexustime.support.TestUsers.create(jdbc, "STAFF");
		String token = csrf(get("/login").body());
		postForm("/login", "username=" + enc(staff.email()) + "&password="
				+ enc(com.nexustime.support.TestUsers.PASSWORD) + "&_csrf=" + enc(token));
		HttpResponse<String> denied = get("/admin/rules");
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(denied.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(denied.body()).contains("Not allowed");
	}

	@Test
	void pagesSendAnonymousBrowsersToTheLoginPage() throws Exception {
		HttpResponse<String> home = browser.send(HttpRequest.newBuilder(uri("/")).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("page has a CSRF field").isTrue();
		return matcher.group(1);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
