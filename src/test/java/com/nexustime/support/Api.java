package com.nexustime.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for API tests: real requests over the wire, JSON in and out. */
public final class Api {

	private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

	private final String baseUrl;

	private final HttpClient http = HttpClient.newHttpClient();

	public Api(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public Client anonymous() {
		return new Client(null);
	}

	public Client basic(String email, String password) {
		return new Client("Basic " + Base64.getEncoder()
			.encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	public Client bearer(String token) {
		return new Client("Bearer " + token);
	}

	public record Response(int status, String contentType, String body) {

		public JsonNode json() {
			try {
				return JSON.readTree(body);
			}
			catch (IOException ex) {
				throw new AssertionError("not JSON: " + body, ex);
			}
		}

		@Override
		public String toString() {
			return status + " " + contentType + " " + body;
		}
	}

	public final class Client {

		private final String authorization;

		private Client(String authorization) {
			this.authorization = authorization;
		}

		public Response get(String path) {
			return send("GET", path, null);
		}

		public Response delete(String path) {
			return send("DELETE", path, null);
		}

		public Response post(String path, Object body) {
			return send("POST", path, body);
		}

		public Response put(String path, Object body) {
			return send("PUT", path, body);
		}

		public Response patch(String path, Object body) {
			return send("PATCH", path, body);
		}

		/** Sends a body as is when it is a String (to test malformed JSON), else serialised as JSON. */
		public Response send(String method, String path, Object body) {
			try {
				String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
				HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
					.header("Accept", "application/json")
					.method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
							: HttpRequest.BodyPublishers.ofString(payload));
				if (payload != null) {
					request.header("Content-Type", "application/json");
				}
				if (authorization != null) {
					request.header("Authorization", authorization);
				}
				HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				return new Response(response.statusCode(),
						response.headers().firstValue("Content-Type").orElse(""), response.body());
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
