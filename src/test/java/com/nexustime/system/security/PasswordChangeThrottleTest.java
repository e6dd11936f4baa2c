package com.nexustime.system.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The current password asked for by a password change is throttled like a sign-in: a wrong one counts as a failed
 * sign-in of the account, and while it is blocked the change is refused (429, Retry-After) before the password is
 * checked, the right one too. Through a personal token, and through the page.
 */
class PasswordChangeThrottleTest extends IntegrationTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aTokenCannotGuessTheCurrentPasswordFasterThanTheSignIn() throws Exception {
		TestUsers.TestUser me = TestUsers.create(jdbc, "STAFF");
		String token = me.client(api).post("/api/v1/me/tokens", Map.of("name", "guesser")).json().get("token").asText();
		String hashBefore = hash(me.id());
		int refusedAsWrong = 0;
		HttpResponse<String> last = null;
		for (int i = 0; i < 11; i++) {
			last = change(token, "guess-" + i, "brand-new-secret");
			refusedAsWrong += last.statusCode() == 422 ? 1 : 0;
		}
		System.out.println("token: 11 wrong current passwords -> " + refusedAsWrong + " x 422, the 11th "
				+ last.statusCode() + " Retry-After " + last.headers().firstValue("Retry-After").orElse("none"));
		assertThat(refusedAsWrong).isEqualTo(10);
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat(last.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
		assertThat(last.body()).contains("\"status\":429").contains("currentPassword");
		assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 30L);

		HttpResponse<String> right = change(token, TestUsers.PASSWORD, "brand-new-secret");
		System.out.println("token: then the right current password -> " + right.statusCode());
		assertThat(right.statusCode()).isEqualTo(429);
		assertThat(hash(me.id())).as("the password is unchanged").isEqualTo(hashBefore);
	}

	@Test
	void thePageShowsTheWaitAndChangesNothingWhileBlocked() {
		TestUsers.TestUser me = TestUsers.create(jdbc, "STAFF");
		String hashBefore = hash(me.id());
		BrowserSession browser = new BrowserSession(port);
		assertThat(browser.signIn(me.email(), TestUsers.PASSWORD).statusCode()).isEqualTo(302);
		browser.take(browser.send(browser.get("/me/password")));
		int refusedAsWrong = 0;
		HttpResponse<String> last = null;
		for (int i = 0; i < 11; i++) {
			last = browser.take(post(browser, "guess-" + i));
			refusedAsWrong += last.statusCode() == 422 ? 1 : 0;
		}
		HttpResponse<String> right = browser.take(post(browser, TestUsers.PASSWORD));
		System.out.println("page: 11 wrong -> " + refusedAsWrong + " x 422, the 11th " + last.statusCode()
				+ "; then the right one " + right.statusCode() + " Retry-After "
				+ right.headers().firstValue("Retry-After").orElse("none"));
		assertThat(refusedAsWrong).isEqualTo(10);
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat(right.statusCode()).isEqualTo(429);
		assertThat(Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 30L);
		assertThat(right.body()).contains("Too many wrong passwords: try again in", "id=\"currentPassword-error\"")
			.doesNotContain(TestUsers.PASSWORD).doesNotContain("brand-new-secret");
		assertThat(hash(me.id())).as("the password is unchanged").isEqualTo(hashBefore);
	}

	@Test
	void theRightPasswordWritesNothingToTheThrottle() throws Exception {
		TestUsers.TestUser me = TestUsers.create(jdbc, "STAFF");
		String token = me.client(api).post("/api/v1/me/tokens", Map.of("name", "script")).json().get("token").asText();
		long buckets = count("rate_limit_bucket");
		long blocks = count("sign_in_block");
		assertThat(change(token, TestUsers.PASSWORD, "brand-new-secret").statusCode()).isEqualTo(204);
		assertThat(count("rate_limit_bucket")).isEqualTo(buckets);
		assertThat(count("sign_in_block")).isEqualTo(blocks);
	}

	private HttpResponse<String> change(String token, String current, String next) throws IOException, InterruptedException {
		String body = "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}";
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me/password"))
			.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(BrowserSession browser, String current) {
		return browser.send(browser.request("/me/password").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("currentPassword=" + BrowserSession.enc(current)
					+ "&newPassword=brand-new-secret&confirmPassword=brand-new-secret&_csrf="
					+ BrowserSession.enc(browser.csrf))));
	}

	private String hash(long id) {
		return jdbc.sql("select password_hash from app_user where id = ?").param(id).query(String.class).single();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}
}
