package com.nexustime.reporting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Raw downloads for the CSV and PNG tests: any Accept header, the bytes and headers as they came. */
final class ReportDownloads {

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	ReportDownloads(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	HttpResponse<byte[]> get(String path, String accept, String email, String password) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
				.header("Accept", accept)
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)))
				.GET().build();
			return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
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
