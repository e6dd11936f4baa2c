package com.nexustime.system.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request without a session that is refused (401, 403, 404) must not open one: otherwise anyone can fill the
 * server's memory with sessions by asking for what they may not see. Pages that send a person to the login page
 * are the exception (the session remembers where to return after sign-in).
 */
class AnonymousRequestsOpenNoSessionTest extends IntegrationTest {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void refusedAnonymousRequestsSetNoCookie() throws Exception {
		List<String> opened = new ArrayList<>();
		for (String path : List.of("/actuator/env", "/actuator/heapdump", "/actuator/prometheus", "/camunda/app/",
				"/camunda/app/cockpit/default/", "/camunda/api/engine/engine/", "/engine-rest/engine", "/api/v1/me",
				"/api/v1/no-such-thing", "/api/v1/users/1")) {
			HttpResponse<String> answer = get(path, null);
			List<String> cookies = answer.headers().allValues("Set-Cookie");
			System.out.println("anonymous GET " + path + " -> " + answer.statusCode() + ", Set-Cookie: "
					+ (cookies.isEmpty() ? "none" : cookies));
			assertThat(answer.statusCode()).as(path).isIn(401, 403, 404);
			if (!cookies.isEmpty()) {
				opened.add(path);
			}
		}
		assertThat(opened).as("refused anonymous requests that opened a session").isEmpty();
	}

	@Test
	void aBrowserAskingForAPageIsSentToSignInAndOnlyThatRemembersTheRequest() throws Exception {
		String html = "text/html,application/xhtml+xml,*/*;q=0.8";
		for (String path : List.of("/actuator/env", "/actuator/heapdump", "/api/v1/me", "/api/v1/no-such-thing")) {
			HttpResponse<String> answer = get(path, html);
			System.out.println("anonymous browser GET " + path + " -> " + answer.statusCode() + ", Set-Cookie: "
					+ answer.headers().allValues("Set-Cookie"));
			assertThat(answer.headers().allValues("Set-Cookie")).as(path).isEmpty();
		}
		// the one exception: a page sends the browser to the login page and remembers where to come back to
		HttpResponse<String> page = get("/me/password", html);
		System.out.println("anonymous browser GET /me/password -> " + page.statusCode() + " "
				+ page.headers().firstValue("Location").orElse("") + ", Set-Cookie: "
				+ page.headers().allValues("Set-Cookie"));
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		assertThat(page.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("JSESSIONID="));
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (accept != null) {
			request.header("Accept", accept);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
