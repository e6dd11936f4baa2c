package com.nexustime.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The load client's HTTP: java.net.http over loopback, JSON in and out, every call checked for its status. */
public final class Http {

	public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public Http(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** Where the app answers, {@code http://127.0.0.1:port}. */
	public String base() {
		return base;
	}

	public static String bearer(String token) {
		return "Bearer " + token;
	}

	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public String get(String authorization, String path) throws IOException, InterruptedException {
		return send(authorization, "GET", path, null, 200);
	}

	public JsonNode getJson(String authorization, String path) throws IOException, InterruptedException {
		return JSON.readTree(get(authorization, path));
	}

	public String send(String authorization, String method, String path, Object body, int expected)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
			.header("Authorization", authorization).header("Accept", "application/json");
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
		}
		HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			String text = response.body();
			throw new IOException(method + " " + path + " answered " + response.statusCode() + ": "
					+ (text.length() > 300 ? text.substring(0, 300) : text));
		}
		return response.body();
	}

	/** The whole answer whatever its status, for callers that look at the status and headers themselves. */
	public HttpResponse<String> exchange(String authorization, String method, String path, Object body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	public JsonNode sendJson(String authorization, String method, String path, Object body, int expected)
			throws IOException, InterruptedException {
		String text = send(authorization, method, path, body, expected);
		return text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
	}
}
