package com.nexustime.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like session for page tests: signs in through the login form, keeps the session cookie, and posts
 * forms with the CSRF token of the page last shown, as a browser would.
 */
public final class FormSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String baseUrl;

	private final HttpClient http;

	private String csrf;

	public record Page(int status, String location, String body) {
	}

	private FormSession(String baseUrl) {
		this.baseUrl = baseUrl;
		this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** A browser with nobody signed in, e.g. for the forgotten-password pages. */
	public static FormSession anonymous(int port) {
		return new FormSession("http://localhost:" + port);
	}

	/** Signs in through the login page; fails the test if the credentials are refused. */
	public static FormSession signIn(int port, String email, String password) {
		FormSession session = new FormSession("http://localhost:" + port);
		session.get("/login");
		Page result = session.post("/login", Map.of("username", email, "password", password));
		if (result.location() == null || result.location().contains("error")) {
			throw new AssertionError("sign-in refused for " + email + ": " + result);
		}
		return session;
	}

	public Page get(String path) {
		Page page = send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
		Matcher token = CSRF.matcher(page.body());
		if (token.find()) {
			csrf = token.group(1);
		}
		return page;
	}

	/** Follows a redirect answer to the page it points at. */
	public Page follow(Page redirect) {
		if (redirect.location() == null) {
			throw new AssertionError("not a redirect: " + redirect.status());
		}
		return get(URI.create(baseUrl).resolve(redirect.location()).getPath());
	}

	/** Posts a form; a list value sends the field once per element, like checkboxes. */
	public Page post(String path, Map<String, ?> fields) {
		Map<String, Object> form = new LinkedHashMap<>(fields);
		if (csrf != null) {
			form.put("_csrf", csrf);
		}
		String body = form.entrySet().stream()
			.flatMap(e -> (e.getValue() instanceof List<?> values ? values : List.of(e.getValue())).stream()
				.map(v -> encode(e.getKey()) + "=" + encode(String.valueOf(v))))
			.collect(Collectors.joining("&"));
		Page page = send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		Matcher token = CSRF.matcher(page.body());
		if (token.find()) {
			csrf = token.group(1);
		}
		return page;
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
					response.body());
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
