package com.nexustime.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The request Camunda Modeler's deploy dialog sends: a multipart POST to {@code /engine-rest/deployment/create}. */
public final class ModelerDeployment {

	private ModelerDeployment() {
	}

	/** The Basic header of a Nexus Time login. */
	public static String basic(String email, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Posts {@code bpmn} as the resource {@code resourceName} of a deployment named {@code deploymentName};
	 * {@code authorization} may be null (no login), {@code changedOnly} adds Modeler's "deploy changed only" field.
	 */
	public static HttpResponse<String> post(int port, String authorization, String deploymentName, String resourceName,
			String bpmn, boolean changedOnly) throws IOException, InterruptedException {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("deployment-name", deploymentName);
		fields.put("deployment-source", "Camunda Modeler");
		if (changedOnly) {
			fields.put("deploy-changed-only", "true");
		}
		String boundary = "----modeler" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Map.Entry<String, String> field : fields.entrySet()) {
			part(body, boundary, field.getKey(), null, field.getValue());
		}
		part(body, boundary, resourceName, resourceName, bpmn);
		body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/engine-rest/deployment/create"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, String value)
			throws IOException {
		StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
			.append("Content-Disposition: form-data; name=\"").append(name).append('"');
		if (fileName != null) {
			head.append("; filename=\"").append(fileName).append("\"\r\nContent-Type: application/octet-stream");
		}
		head.append("\r\n\r\n");
		body.write(head.toString().getBytes(StandardCharsets.UTF_8));
		body.write(value.getBytes(StandardCharsets.UTF_8));
		body.write("\r\n".getBytes(StandardCharsets.UTF_8));
	}
}
