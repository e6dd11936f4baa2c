package com.nexustime.system.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser session whose cookie the test holds itself, so that it can send requests a browser would not make:
 * the session cookie together with an {@code Authorization} header, or without a CSRF token.
 */
final class BrowserSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	String cookie;

	String csrf;

	BrowserSession(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Signs in through the login form; returns the answer to the login POST. */
	HttpResponse<String> signIn(String email, String password) {
		HttpResponse<String> page = send(get("/login"));
		take(page);
		return take(send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + enc(email) + "&password=" + enc(password)
					+ "&_csrf=" + enc(csrf)))));
	}

	HttpRequest.Builder get(String path) {
		return request(path).GET();
	}

	HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
		if (cookie != null) {
			request.header("Cookie", "JSESSIONID=" + cookie);
		}
		return request;
	}

	HttpResponse<String> send(HttpRequest.Builder request) {
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

	/** Keeps the cookie and CSRF token an answer sets. */
	HttpResponse<String> take(HttpResponse<String> response) {
		response.headers().allValues("Set-Cookie").forEach(header -> {
			Matcher m = COOKIE.matcher(header);
			if (m.find()) {
				cookie = m.group(1);
			}
		});
		Matcher token = CSRF.matcher(response.body());
		if (token.find()) {
			csrf = token.group(1);
		}
		return response;
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
