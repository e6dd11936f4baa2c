package com.nexustime.approval;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The client's browser for the public link: no account, a session cookie, and the page's CSRF field on posts. */
final class PublicLinkClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER).build();

	private final String forwardedFor;

	private final String userAgent;

	private String csrf;

	record Page(int status, String body) {
	}

	PublicLinkClient(String forwardedFor, String userAgent) {
		this.forwardedFor = forwardedFor;
		this.userAgent = userAgent;
	}

	Page get(String url) {
		return remember(send(HttpRequest.newBuilder(URI.create(url)).GET()));
	}

	/** Posts the form with the CSRF token of the page last shown, as the browser would. */
	Page post(String url, Map<String, String> fields) {
		String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		if (csrf != null) {
			body += "&_csrf=" + encode(csrf);
		}
		return remember(send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))));
	}

	private Page remember(Page page) {
		Matcher token = CSRF.matcher(page.body());
		if (token.find()) {
			csrf = token.group(1);
		}
		return page;
	}

	private Page send(HttpRequest.Builder request) {
		request.header("Accept", "text/html").header("User-Agent", userAgent);
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.body());
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
