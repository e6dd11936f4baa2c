package com.nexustime.faults;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without JavaScript: keeps its cookies, reads the CSRF field of a form and posts it back. Used for the
 * client who signs through the mailed link and for a signed-in person's pages.
 */
final class Client {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5)).build();

	HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return http.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> postForm(String url, String form) throws IOException, InterruptedException {
		return http.send(request(url).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Opens the client's page at {@code link} and signs it as {@code name}; fails unless both steps succeed. */
	void sign(String link, String name) throws IOException, InterruptedException {
		HttpResponse<String> page = get(link);
		// the mail leaves inside the engine job's transaction: the link exists once that commits, a moment later
		for (int i = 0; i < 20 && page.statusCode() == 404; i++) {
			Thread.sleep(250);
			page = get(link);
		}
		String csrf = csrf(page);
		if (page.statusCode() != 200 || csrf == null) {
			throw new IOException("the approval page " + link + " answered " + page.statusCode() + " without its form: "
					+ page.body().substring(0, Math.min(300, page.body().length())));
		}
		HttpResponse<String> signed = postForm(link + "/approve",
				"signature=" + encode(name) + "&_csrf=" + encode(csrf));
		if (signed.statusCode() != 200 && signed.statusCode() != 302 && signed.statusCode() != 303) {
			throw new IOException("signing " + link + " answered " + signed.statusCode());
		}
	}

	/** Signs in through the login form; fails unless the app sends the person on (not back to the form). */
	void signIn(String base, String email, String password) throws IOException, InterruptedException {
		String csrf = csrf(get(base + "/login"));
		HttpResponse<String> answer = postForm(base + "/login", "username=" + encode(email) + "&password="
				+ encode(password) + "&_csrf=" + encode(csrf == null ? "" : csrf));
		String location = answer.headers().firstValue("Location").orElse("");
		if (answer.statusCode() != 302 || location.contains("error")) {
			throw new IOException("signing in as " + email + " answered " + answer.statusCode() + " " + location);
		}
	}

	private static String csrf(HttpResponse<String> page) {
		Matcher csrf = CSRF.matcher(page.body());
		return csrf.find() ? csrf.group(1) : null;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static HttpRequest.Builder request(String url) {
		return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Accept", "text/html");
	}
}
