package com.nexustime.system.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An open browser session follows the account: a deactivation or a password change ends it at its next request,
 * a demotion takes effect at its next request. The changes are made straight in the database too (as another node
 * would), so that nothing held in this node's memory can be what notices them. And a session cookie sent along
 * with an Authorization header neither vouches for bad credentials nor lets a write skip CSRF.
 */
class SessionFollowsAccountTest extends IntegrationTest {

	private BrowserSession signedIn(TestUsers.TestUser user) {
		BrowserSession browser = new BrowserSession(port);
		HttpResponse<String> login = browser.signIn(user.email(), TestUsers.PASSWORD);
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return browser;
	}

	@Test
	void aDeactivatedPersonIsSignedOutAtTheNextRequest() {
		TestUsers.TestUser user = TestUsers.create(jdbc, "STAFF");
		BrowserSession browser = signedIn(user);
		assertThat(browser.send(browser.get("/me/password")).statusCode()).isEqualTo(200);
		assertThat(browser.send(browser.get("/api/v1/me")).statusCode()).isEqualTo(200);

		assertThat(admin().patch("/api/v1/users/" + user.id(), Map.of("active", false)).status()).isEqualTo(200);

		HttpResponse<String> page = browser.send(browser.get("/me/password"));
		System.out.println("deactivated: page answers " + page.statusCode() + " " + page.headers().map().get("Location"));
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).contains("/login?expired");
		assertThat(browser.send(browser.get("/api/v1/me")).statusCode()).as("the session is gone").isEqualTo(401);
	}

	@Test
	void aDeactivationMadeElsewhereEndsTheApiSessionToo() {
		TestUsers.TestUser user = TestUsers.create(jdbc, "STAFF");
		BrowserSession browser = signedIn(user);
		assertThat(browser.send(browser.get("/api/v1/me")).statusCode()).isEqualTo(200);
		jdbc.sql("update app_user set active = false where id = ?").param(user.id()).update();
		HttpResponse<String> api = browser.send(browser.get("/api/v1/me"));
		System.out.println("deactivated in the database: API answers " + api.statusCode() + " " + api.body());
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
	}

	@Test
	void aDemotionTakesEffectAtTheNextRequest() {
		TestUsers.TestUser user = TestUsers.create(jdbc, "ADMIN");
		BrowserSession browser = signedIn(user);
		assertThat(browser.send(browser.get("/users/new")).statusCode()).isEqualTo(200);

		assertThat(admin().patch("/api/v1/users/" + user.id(), Map.of("roles", List.of("STAFF"))).status())
			.isEqualTo(200);

		int after = browser.send(browser.get("/users/new")).statusCode();
		System.out.println("demoted ADMIN -> STAFF: the admin page answers " + after);
		assertThat(after).isEqualTo(403);
		assertThat(browser.send(browser.get("/me/password")).statusCode()).as("still signed in as staff")
			.isEqualTo(200);
		// the session keeps the smaller roles: promoting back in the database is seen as well
		jdbc.sql("insert into user_role (app_user, role) values (?, 'ADMIN')").param(user.id()).update();
		assertThat(browser.send(browser.get("/users/new")).statusCode()).isEqualTo(200);
	}

	@Test
	void aPasswordChangedElsewhereEndsTheSession() {
		TestUsers.TestUser user = TestUsers.create(jdbc, "STAFF");
		BrowserSession browser = signedIn(user);
		assertThat(browser.send(browser.get("/me/password")).statusCode()).isEqualTo(200);
		jdbc.sql("update app_user set password_hash = '{noop}changed-elsewhere-1' where id = ?").param(user.id())
			.update();
		HttpResponse<String> page = browser.send(browser.get("/me/password"));
		System.out.println("password changed in the database: page answers " + page.statusCode());
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).contains("/login?expired");
	}

	@Test
	void aSessionCookieDoesNotVouchForAnAuthorizationHeader() {
		TestUsers.TestUser user = TestUsers.create(jdbc, "STAFF");
		BrowserSession browser = signedIn(user);
		String body = "{\"name\":\"forged\"}";
		String wrongBasic = "Basic " + Base64.getEncoder()
			.encodeToString((user.email() + ":not-the-password").getBytes(StandardCharsets.UTF_8));
		for (String authorization : List.of("Bearer junk", wrongBasic)) {
			HttpResponse<String> answer = browser.send(browser.request("/api/v1/me/tokens")
				.header("Authorization", authorization)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
			System.out.println("session cookie + '" + authorization.substring(0, 6) + "…' without CSRF: "
					+ answer.statusCode());
			assertThat(answer.statusCode()).isIn(401, 403);
		}
		// a scheme nobody checks does not turn CSRF off either
		HttpResponse<String> other = browser.send(browser.request("/api/v1/me/tokens")
			.header("Authorization", "Negotiate junk")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		System.out.println("session cookie + 'Negotiate' without CSRF: " + other.statusCode());
		assertThat(other.statusCode()).isIn(401, 403);
		assertThat(jdbc.sql("select count(*) from access_token where user_id = ?").param(user.id())
			.query(Long.class).single()).as("nothing stored").isZero();
	}

	@Test
	void anAnonymousApiCallOpensNoSession() {
		HttpResponse<String> answer = new BrowserSession(port).send(new BrowserSession(port).get("/api/v1/me"));
		assertThat(answer.statusCode()).isEqualTo(401);
		System.out.println("anonymous 401 Set-Cookie: " + answer.headers().allValues("Set-Cookie"));
		assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
	}
}
