package com.nexustime.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import com.nexustime.notify.Mailer;
import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

/**
 * Actuator as an operator and a load balancer meet it: probes open and terse, the rest for admins, and the named
 * metrics present with values that follow what the application does.
 */
class OperationsEndpointsTest extends IntegrationTest {

	@Test
	void probesAnswerAnyoneWithAStatusAndNoDetails() {
		for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness", "/livez", "/readyz",
				"/actuator/health" }) {
			Api.Response response = api.anonymous().get(probe);
			System.out.println("anonymous GET " + probe + " -> " + response.status() + " " + response.body());
			assertThat(response.status()).as(probe).isEqualTo(200);
			JsonNode body = response.json();
			assertThat(body.path("status").asText()).as(probe).isEqualTo("UP");
			assertThat(body.has("components")).as("%s shows no components to anonymous", probe).isFalse();
			assertThat(body.has("details")).as("%s shows no details to anonymous", probe).isFalse();
		}
	}

	@Test
	void readinessHoldsTheDatabaseAndTheEngineButNotMailAndLivenessHoldsNothingOutside() {
		JsonNode readiness = admin().get("/actuator/health/readiness").json();
		assertThat(readiness.path("components").has("db")).isTrue();
		assertThat(readiness.path("components").path("processEngine").path("status").asText()).isEqualTo("UP");
		assertThat(readiness.path("components").has("mail")).as("mail is not a readiness matter").isFalse();
		JsonNode liveness = admin().get("/actuator/health/liveness").json();
		assertThat(liveness.path("components").fieldNames()).toIterable().containsExactly("livenessState");
		JsonNode health = admin().get("/actuator/health").json();
		System.out.println("admin GET /actuator/health -> " + health);
		assertThat(health.path("status").asText()).isEqualTo("UP");
		// the tests configure no SMTP server: the report says so instead of failing the whole health
		assertThat(health.path("components").path("mail").path("status").asText()).isEqualTo("UNKNOWN");
		assertThat(health.path("components").path("processEngine").path("details").path("jobExecutor").asText())
			.isEqualTo("off by configuration");
	}

	@Test
	void metricsAreForAdminsAndConfigurationIsForNobody() {
		TestUsers.TestUser staff = TestUsers.create(jdbc, "STAFF");
		for (String endpoint : new String[] { "/actuator/prometheus", "/actuator/metrics", "/actuator/info" }) {
			Api.Response anonymous = api.anonymous().get(endpoint);
			Api.Response asStaff = staff.client(api).get(endpoint);
			System.out.println(endpoint + ": anonymous " + anonymous.status() + ", staff " + asStaff.status());
			assertThat(anonymous.status()).as(endpoint).isEqualTo(401);
			assertThat(anonymous.contentType()).as(endpoint).startsWith("application/problem+json");
			assertThat(asStaff.status()).as(endpoint).isEqualTo(403);
			assertThat(endpoint.endsWith("prometheus") ? scrape(ADMIN_EMAIL, ADMIN_PASSWORD).statusCode()
					: admin().get(endpoint).status()).as(endpoint).isEqualTo(200);
		}
		assertThat(staff.client(api).get("/actuator/health").json().has("components")).isFalse();
		for (String hidden : new String[] { "/actuator/env", "/actuator/configprops", "/actuator/beans",
				"/actuator/heapdump", "/actuator/threaddump", "/actuator/loggers", "/actuator/mappings" }) {
			Api.Response anonymous = api.anonymous().get(hidden);
			Api.Response asAdmin = admin().get(hidden);
			System.out.println(hidden + ": anonymous " + anonymous.status() + ", admin " + asAdmin.status());
			assertThat(anonymous.status()).as(hidden).isIn(401, 404);
			assertThat(asAdmin.status()).as("%s is not exposed even to admins", hidden).isEqualTo(404);
		}
	}

	@Test
	void prometheusScrapesWithAnAdminsPersonalToken() {
		String token = admin().post("/api/v1/me/tokens", Map.of("name", "prometheus " + System.nanoTime())).json()
			.get("token").asText();
		HttpResponse<String> scraped = scrape("Bearer " + token);
		System.out.println("scrape with an admin's token -> " + scraped.statusCode());
		assertThat(scraped.statusCode()).isEqualTo(200);
		assertThat(scraped.body()).contains("nexus_outbox_unsent").doesNotContain(token);
		assertThat(scrape("Bearer not-a-token").statusCode()).isEqualTo(401);
	}

	@Test
	void noActuatorOutputHoldsAPasswordOrAKey() throws IOException {
		String serverKey = java.nio.file.Files.readString(java.nio.file.Path.of("target", "test-server.key")).strip();
		assertThat(serverKey).isNotEmpty();
		for (String endpoint : new String[] { "/actuator/prometheus", "/actuator/health", "/actuator/info",
				"/actuator/metrics" }) {
			String body = endpoint.endsWith("prometheus") ? scrape(ADMIN_EMAIL, ADMIN_PASSWORD).body()
					: admin().get(endpoint).body();
			assertThat(body).as(endpoint).doesNotContain(ADMIN_PASSWORD).doesNotContain(TestUsers.PASSWORD)
				.doesNotContain(serverKey).doesNotContain("jdbc:postgresql");
		}
	}

	@Test
	void prometheusHasEachNamedMetricAndTheyFollowTheApplication() {
		String before = scrape(ADMIN_EMAIL, ADMIN_PASSWORD).body();
		assertThat(before).contains("http_server_requests_seconds_bucket", "nexus_jobs_due ", "nexus_jobs_failed ",
				"nexus_outbox_unsent ", "nexus_audit_unsealed ");
		double saves = value(before, "nexus_entry_saves_total", "change=\"create\"");
		double unsent = value(before, "nexus_outbox_unsent", null);
		assertThat(value(before, "nexus_jobs_due", null)).isGreaterThanOrEqualTo(0);
		assertThat(value(before, "nexus_jobs_failed", null)).isGreaterThanOrEqualTo(0);
		assertThat(value(before, "nexus_audit_unsealed", null)).isGreaterThanOrEqualTo(0);

		TestUsers.TestUser staff = TestUsers.create(jdbc, "STAFF");
		long contact = jdbc.sql("insert into contact (name, email) values (?, 'ops@example.com') returning id")
			.param("Ops client " + System.nanoTime()).query(Long.class).single();
		long project = jdbc.sql("insert into project (name, contact_id, type) values (?, ?, 'STANDARD') returning id")
			.params("Ops " + System.nanoTime(), contact).query(Long.class).single();
		long activity = jdbc.sql("insert into activity (name, category) values (?, 'DESIGN_CREATIVE') returning id")
			.param("Ops design " + System.nanoTime()).query(Long.class).single();
		Api.Response saved = staff.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY", "projectId",
				project, "activityId", activity, "date", LocalDate.now().toString(), "minutes", 30));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
		// a refused save (no such project) is not a save
		Api.Response refused = staff.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY", "projectId",
				-1, "activityId", activity, "date", LocalDate.now().toString(), "minutes", 30));
		assertThat(refused.status()).isBetween(400, 499);
		context.getBean(Mailer.class).queue("ops@example.com", "Backlog probe", "waits in the outbox");

		String after = scrape(ADMIN_EMAIL, ADMIN_PASSWORD).body();
		double savesAfter = value(after, "nexus_entry_saves_total", "change=\"create\"");
		double unsentAfter = value(after, "nexus_outbox_unsent", null);
		System.out.println("saves " + saves + " -> " + savesAfter + ", outbox unsent " + unsent + " -> " + unsentAfter);
		assertThat(savesAfter - saves).as("one save, one increment").isEqualTo(1.0);
		assertThat(unsentAfter).isGreaterThanOrEqualTo(1).isGreaterThanOrEqualTo(unsent + 1);
		assertThat(after).containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/time-entries\"");
	}

	@Test
	void theJobGaugesCountADueJobAndAFailedOne() {
		// the weekly reminder's timer, made due now and then failed, with the executor off (as in every test)
		ManagementService management = context.getBean(ProcessEngine.class).getManagementService();
		Job timer = management.createJobQuery().processDefinitionKey("week-reminders").timers().active().list().get(0);
		Date dueAt = timer.getDuedate();
		int retries = timer.getRetries();
		try {
			double due = value(scrape(ADMIN_EMAIL, ADMIN_PASSWORD).body(), "nexus_jobs_due", null);
			double failed = value(scrape(ADMIN_EMAIL, ADMIN_PASSWORD).body(), "nexus_jobs_failed", null);
			management.setJobDuedate(timer.getId(), Date.from(Instant.now().minusSeconds(60)));
			String dueNow = scrape(ADMIN_EMAIL, ADMIN_PASSWORD).body();
			management.setJobRetries(timer.getId(), 0);
			String failedNow = scrape(ADMIN_EMAIL, ADMIN_PASSWORD).body();
			System.out.println("jobs due " + due + " -> " + value(dueNow, "nexus_jobs_due", null) + " (timer due), failed "
					+ failed + " -> " + value(failedNow, "nexus_jobs_failed", null) + " (retries 0)");
			assertThat(value(dueNow, "nexus_jobs_due", null)).isEqualTo(due + 1);
			assertThat(value(failedNow, "nexus_jobs_failed", null)).isEqualTo(failed + 1);
			assertThat(value(failedNow, "nexus_jobs_due", null)).as("a failed job is not due work").isEqualTo(due);
		}
		finally {
			management.setJobRetries(timer.getId(), retries);
			management.setJobDuedate(timer.getId(), dueAt);
		}
	}

	/** A scrape as Prometheus makes it: Basic credentials, asking for the text format. */
	private HttpResponse<String> scrape(String email, String password) {
		return scrape("Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	private HttpResponse<String> scrape(String authorization) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
				.header("Accept", "text/plain;version=0.0.4;q=0.3,*/*;q=0.1")
				.header("Authorization", authorization)
				.build();
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** The value of one sample in Prometheus' text format; 0 when the counter has no sample yet. */
	private static double value(String exposition, String name, String label) {
		Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{([^}]*)\\})? (\\S+)$").matcher(exposition);
		while (sample.find()) {
			if (label == null || (sample.group(2) != null && sample.group(2).contains(label))) {
				return Double.parseDouble(sample.group(3));
			}
		}
		if (name.endsWith("_total")) {
			return 0;
		}
		throw new AssertionError(name + " not in the scrape");
	}
}
