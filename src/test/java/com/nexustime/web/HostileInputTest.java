package com.nexustime.web;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input a hostile or careless client sends: numbers with huge exponents, far dates, odd spellings of ids, paths
 * and media types the app does not take. Each answers a 4xx that names what was wrong (problem+json under
 * /api/v1, the app's page elsewhere), quickly, and stores nothing.
 */
class HostileInputTest extends IntegrationTest {

	private static final String FAR_FUTURE = "+999999999-12-27";

	private static final String FAR_PAST = "-999999999-01-01";

	/** The CPU a refusal may cost the request thread(s); the unbounded parse took seconds. */
	private static final long CPU_BUDGET_NANOS = 300_000_000L;

	private static String projectId;

	private static String activityId;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void fixture() {
		if (projectId != null) {
			return;
		}
		String unique = Long.toString(System.nanoTime(), 36);
		String contact = admin().post("/api/v1/contacts", Map.of("name", "Hostile " + unique, "email",
				"hostile-" + unique + "@example.com")).json().get("id").asText();
		projectId = admin().post("/api/v1/projects", Map.of("name", "Hostile input " + unique, "contactId", contact,
				"type", "STANDARD", "billingMode", "HOURLY")).json().get("id").asText();
		activityId = admin().post("/api/v1/activities", Map.of("name", "Hostile work " + unique, "category",
				"DESIGN_CREATIVE", "billable", true)).json().get("id").asText();
	}

	private long entries() {
		return jdbc.sql("select count(*) from time_entry where project_id = :p").param("p", Long.parseLong(projectId))
			.query(Long.class).single();
	}

	// ---- 1. decimals bounded before they are parsed

	@Test
	void aHugeExponentInJsonIsRefusedCheaplyNamingTheField() {
		String millionDigitExponent = "1e" + "9".repeat(1_000_000);
		for (String[] attempt : new String[][] { { "hours", "1e3000000" }, { "hours", "\"1e3000000\"" },
				{ "amount", "1e100000" }, { "hours", millionDigitExponent } }) {
			String body = "{\"type\":\"" + ("amount".equals(attempt[0]) ? "FIXED_COST" : "ACTIVITY")
					+ "\",\"projectId\":\"" + projectId + "\",\"activityId\":\"" + activityId
					+ "\",\"date\":\"2026-11-23\",\"" + attempt[0] + "\":" + attempt[1] + "}";
			long before = entries();
			Api.Response[] answer = new Api.Response[1];
			long cpu = requestCpu(() -> answer[0] = admin().post("/api/v1/time-entries", body));
			String tried = attempt[0] + "=" + abbreviate(attempt[1]);
			System.out.printf("tried %s: %d, %d ms CPU%n", tried, answer[0].status(), cpu / 1_000_000);
			assertThat(answer[0].status()).as(tried + " " + abbreviate(answer[0].body())).isEqualTo(400);
			assertThat(answer[0].contentType()).startsWith("application/problem+json");
			if (attempt[1].length() < 100) { // a token past Jackson's number length is refused before it has a field
				assertThat(answer[0].json().get("errors").get(0).get("field").asText()).isEqualTo(attempt[0]);
			}
			assertThat(cpu).as(tried + " CPU").isLessThan(CPU_BUDGET_NANOS);
			assertThat(entries()).isEqualTo(before);
		}
	}

	@Test
	void aHugeExponentInABulkImportCellIsARefusedRowAtOnce() {
		long before = entries();
		Api.Response[] answer = new Api.Response[1];
		String row = "2026-11-23\t1e3000000\t" + projectId + "\t" + activityId + "\tbig";
		long cpu = requestCpu(() -> answer[0] = admin().post("/api/v1/time-entries/bulk", Map.of("text", row)));
		System.out.printf("tried bulk hours 1e3000000: %d, %d ms CPU%n", answer[0].status(), cpu / 1_000_000);
		assertThat(answer[0].status()).as(answer[0].toString()).isEqualTo(422);
		assertThat(answer[0].json().get("rejected").get(0).get("reason").asText()).contains("neither hours");
		assertThat(cpu).isLessThan(CPU_BUDGET_NANOS);
		assertThat(entries()).isEqualTo(before);
	}

	@Test
	void aChunkedBodyIsCutOffAtTheLimitNotReadWhole() throws Exception {
		// 1.5 MiB of JSON with no Content-Length (chunked), to the anonymous password-reset endpoint: the read stops
		// after a mebibyte with 413 (without the bound the whole string was read into the heap and refused later, and
		// 8 such requests at once ran a 320 MB heap out). Tomcat swallows the rest of a body up to 2 MB, so the
		// client still reads the answer cleanly at this size.
		int size = 1536 * 1024;
		java.io.InputStream body = new java.io.SequenceInputStream(
				new java.io.ByteArrayInputStream("{\"email\":\"".getBytes(StandardCharsets.UTF_8)),
				new java.io.InputStream() {
					private int left = size;

					@Override
					public int read() {
						return left-- > 0 ? 'a' : -1;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) {
						if (left <= 0) {
							return -1;
						}
						int n = Math.min(length, left);
						java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'a');
						left -= n;
						return n;
					}
				});
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/v1/password-resets"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
			.build(), HttpResponse.BodyHandlers.ofString());
		System.out.println("chunked 1.5 MiB body -> " + response.statusCode() + " "
				+ response.headers().firstValue("Content-Type").orElse("") + " " + response.body());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
	}

	@Test
	void aBulkPasteIsBoundedInRowsAndCharacters() {
		String row = "2026-11-23\t1\t" + projectId + "\t" + activityId + "\tone\n";
		Api.Response rows = admin().post("/api/v1/time-entries/bulk", Map.of("text", row.repeat(1001), "dryRun", true));
		assertThat(rows.status()).as(rows.toString()).isEqualTo(400);
		assertThat(rows.json().get("errors").get(0).get("field").asText()).isEqualTo("text");
		assertThat(rows.json().get("errors").get(0).get("message").asText()).contains("1000 rows");
		Api.Response chars = admin().post("/api/v1/time-entries/bulk", Map.of("text", "x".repeat(200_001)));
		assertThat(chars.status()).as(chars.toString()).isEqualTo(400);
		assertThat(chars.json().get("errors").get(0).get("field").asText()).isEqualTo("text");
	}

	@Test
	void aHugeExponentOnAPageFormIsTheFieldsErrorAndStoresNothing() {
		FormSession browser = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		browser.get("/time");
		long before = entries();
		FormSession.Page[] page = new FormSession.Page[1];
		long cpu = requestCpu(() -> page[0] = browser.post("/time", fixedCost("1e100000")));
		System.out.printf("tried page amount=1e100000: %d, %d ms CPU%n", page[0].status(), cpu / 1_000_000);
		assertThat(page[0].status()).isEqualTo(200);
		assertThat(page[0].body()).contains("value=\"1e100000\"").contains("must be an amount like 1234.50 (at most 18 digits");
		assertThat(cpu).isLessThan(CPU_BUDGET_NANOS);
		assertThat(entries()).isEqualTo(before);
	}

	@Test
	void theErrorPathAskedForDirectlyIsNotFoundNotA500() {
		Api.Response direct = api.anonymous().get("/error");
		System.out.println("GET /error directly -> " + direct.status() + " " + direct.contentType());
		assertThat(direct.status()).isEqualTo(404);
	}

	@Test
	void aFixedCostWiderThanItsColumnIsTheFieldsErrorNotA500() {
		// 13 digits before the point: a well-formed decimal the money column (12 + 2 digits) cannot hold
		FormSession browser = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		browser.get("/time");
		long before = entries();
		FormSession.Page page = browser.post("/time", fixedCost("1234567890123.45"));
		System.out.println("tried page amount=1234567890123.45: " + page.status());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("value=\"1234567890123.45\"")
			.contains("must be an amount of at most 12 digits before the point and 2 after");
		assertThat(entries()).isEqualTo(before);
	}

	/** The time page's fixed-cost form on the fixture's project with {@code amount} as typed. */
	private Map<String, Object> fixedCost(String amount) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("type", "FIXED_COST");
		form.put("projectId", projectId);
		form.put("activityId", activityId);
		form.put("date", "2026-11-23");
		form.put("amount", amount);
		return form;
	}

	@Test
	void hoursBelowAMinuteAreRefusedNotRoundedAway() {
		FormSession browser = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		browser.get("/time");
		long before = entries();
		FormSession.Page page = browser.post("/time", Map.of("type", "ACTIVITY", "projectId", projectId,
				"activityId", activityId, "date", "2026-11-23", "hours", "0.001"));
		assertThat(page.body()).contains("less than a minute");
		Api.Response grid = admin().put("/api/v1/timesheets/2026-11-23", Map.of("rows", java.util.List.of(Map.of(
				"projectId", projectId, "activityId", activityId, "hours",
				java.util.List.of("0.001", "", "", "", "", "", "")))));
		assertThat(grid.status()).as(grid.toString()).isBetween(400, 422);
		assertThat(grid.body()).contains("less than a minute");
		assertThat(entries()).isEqualTo(before);
	}

	@Test
	void aLockedWeeksNoteAndHoursAreRefusedAlikeWith409() {
		TestUsers.TestUser staff = TestUsers.create(jdbc, "STAFF");
		Api.Client client = staff.client(api);
		String week = "/api/v1/timesheets/2025-03-03";
		Api.Response saved = client.put(week, grid("1", "first"));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		Api.Response submitted = client.post(week + "/submit", Map.of());
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
		Api.Response note = client.put(week, grid("1", "changed"));
		Api.Response hours = client.put(week, grid("2", "first"));
		System.out.printf("tried a locked week: note %d, hours %d%n", note.status(), hours.status());
		assertThat(note.status()).as(note.toString()).isEqualTo(409);
		assertThat(hours.status()).as(hours.toString()).isEqualTo(409);
		assertThat(note.contentType()).startsWith("application/problem+json");
		String reason = note.json().get("detail").asText();
		assertThat(hours.json().get("detail").asText()).endsWith(reason);
		assertThat(note.json().get("errors").get(0).get("field").asText()).isEqualTo("rows[0].note");
	}

	private static Map<String, Object> grid(String mondayHours, String note) {
		return Map.of("rows", java.util.List.of(Map.of("projectId", projectId, "activityId", activityId, "note", note,
				"hours", java.util.List.of(mondayHours, "", "", "", "", "", ""))));
	}

	// ---- 2. far dates

	@Test
	void farDatesInApiPathsAre400NamingTheField() {
		for (String[] call : new String[][] { { "GET", "/api/v1/timesheets/" + FAR_FUTURE, "weekStart" },
				{ "POST", "/api/v1/timesheets/" + FAR_PAST + "/copy-previous", "weekStart" },
				{ "GET", "/api/v1/timesheets/" + FAR_PAST, "weekStart" } }) {
			Api.Response answer = admin().send(call[0], call[1], call[0].equals("POST") ? "{}" : null);
			System.out.printf("tried %s %s: %d%n", call[0], call[1], answer.status());
			assertThat(answer.status()).as(call[1] + " " + answer).isEqualTo(400);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo(call[2]);
		}
	}

	@Test
	void farDatesInQueriesAndBodiesAre400NamingTheField() {
		Api.Response report = admin().get("/api/v1/reports/time?from=" + FAR_PAST.replace("+", "%2B") + "&to=2026-01-01");
		assertThat(report.status()).as(report.toString()).isEqualTo(400);
		assertThat(report.body()).contains("from");
		long before = entries();
		Api.Response entry = admin().post("/api/v1/time-entries", Map.of("type", "ACTIVITY", "projectId", projectId,
				"activityId", activityId, "date", FAR_FUTURE, "minutes", 60));
		assertThat(entry.status()).as(entry.toString()).isEqualTo(400);
		assertThat(entry.json().get("errors").get(0).get("field").asText()).isEqualTo("date");
		assertThat(entries()).isEqualTo(before);
		Api.Response rate = admin().post("/api/v1/rates", Map.of("scope", "PROJECT", "projectId", projectId,
				"hourlyRate", "10.00", "effectiveFrom", FAR_PAST));
		assertThat(rate.status()).as(rate.toString()).isEqualTo(400);
		assertThat(rate.json().get("errors").get(0).get("field").asText()).isEqualTo("effectiveFrom");
	}

	@Test
	void aNumberIsNotADay() {
		Api.Response answer = admin().post("/api/v1/invoices/from-time", "{\"contactId\":\"1\",\"from\":20000,\"to\":\"2026-01-31\"}");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("from");
	}

	@Test
	void farDatesOnPagesAre400PagesNeverA500() {
		FormSession browser = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		for (String path : new String[] { "/timesheet?week=" + FAR_FUTURE.replace("+", "%2B"),
				"/timesheet?week=" + FAR_PAST, "/reports?from=" + FAR_PAST }) {
			FormSession.Page page = browser.get(path);
			System.out.printf("tried page %s: %d%n", path, page.status());
			assertThat(page.status()).as(path).isBetween(200, 400).isNotEqualTo(302);
			assertThat(page.body()).as(path).doesNotContain("Exception").doesNotContain("\"timestamp\"");
			if (page.status() == 200) {
				assertThat(page.body()).as(path).contains("between 1900-01-01 and 9999-12-31");
			}
		}
		browser.get("/time");
		long before = entries();
		FormSession.Page page = browser.post("/time", Map.of("type", "ACTIVITY", "projectId", projectId,
				"activityId", activityId, "date", FAR_PAST, "hours", "1"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("between 1900-01-01 and 9999-12-31");
		assertThat(entries()).isEqualTo(before);
	}

	// ---- 3. every error under /api/v1 is problem+json; pages get the app's page

	@Test
	void unmappedMethodMediaTypeAndEncodingErrorsAreProblemJson() {
		expectProblem("GET", "/api/v1/no-such-thing", "application/json", null, null, 404);
		expectProblem("DELETE", "/api/v1/workspace", "application/json", null, null, 405);
		expectProblem("GET", "/api/v1/projects", "text/csv", null, null, 406);
		expectProblem("POST", "/api/v1/contacts", "application/json", "text/plain", "name=x", 415);
		expectProblem("POST", "/api/v1/contacts", "application/json", "application/json", "{\"name\":", 400);
		expectProblem("GET", "/api/v1/projects/1%0A", "application/json", null, null, 400);
		expectProblem("GET", "/api/v1/projects;x=1", "application/json", null, null, 400);
		expectProblem("GET", "/api/v1//projects", "application/json", null, null, 400);
		expectProblem("GET", "/api/v1/projects/%00", "application/json", null, null, 400);
		expectProblem("POST", "/api/v1/contacts", "application/json", "application/json",
				"{\"name\":\"" + "x".repeat(1_100_000) + "\"}", 413);
	}

	@Test
	void everyReportWithACsvPathHonoursAcceptTextCsvAndOtherMediaTypesAre406() {
		for (String report : new String[] { "time", "utilization", "profitability", "client-billing" }) {
			HttpResponse<String> csv = raw("GET", "/api/v1/reports/" + report + "?from=2026-01-01&to=2026-01-31",
					"text/csv", null, null);
			System.out.printf("tried Accept text/csv on %s: %d %s%n", report, csv.statusCode(),
					csv.headers().firstValue("Content-Type").orElse(""));
			assertThat(csv.statusCode()).as(report + " " + abbreviate(csv.body())).isEqualTo(200);
			assertThat(csv.headers().firstValue("Content-Type").orElse("")).as(report).startsWith("text/csv");
			expectProblem("GET", "/api/v1/reports/" + report, "application/xml", null, null, 406);
		}
	}

	@Test
	void idsHaveOneSpelling() {
		for (String id : new String[] { "0x1", "%2B1", "%231", "1e0" }) {
			Api.Response answer = admin().get("/api/v1/projects/" + id);
			assertThat(answer.status()).as(id + " " + answer).isEqualTo(404);
			assertThat(answer.contentType()).startsWith("application/problem+json");
		}
	}

	@Test
	void browsersGetTheAppsErrorPagesUnderReportsAndInvoices() throws Exception {
		// a link a browser follows for a download sends */*; a script in the page may ask for JSON
		for (String[] ask : new String[][] { { "/reports/no-such-report", "text/html,application/xhtml+xml,*/*;q=0.8" },
				{ "/invoices/no-such-thing/x", "*/*" }, { "/reports/no-such-report.csv", "*/*" },
				{ "/invoices/no-such-thing", "application/json" }, { "/no-such-page", "text/html" } }) {
			String path = ask[0];
			HttpResponse<String> page = raw("GET", path, ask[1], null, null);
			System.out.printf("tried page %s: %d %s%n", path, page.statusCode(),
					page.headers().firstValue("Content-Type").orElse(""));
			assertThat(page.statusCode()).as(path).isEqualTo(404);
			assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
			assertThat(page.body()).as(path).contains("Not found").doesNotContain("\"timestamp\"");
		}
		FormSession staff = FormSession.signIn(port, TestUsers.create(jdbc, "STAFF").email(), TestUsers.PASSWORD);
		for (String path : new String[] { "/invoices", "/reports/profitability" }) {
			FormSession.Page page = staff.get(path);
			System.out.printf("tried staff page %s: %d%n", path, page.status());
			assertThat(page.status()).as(path).isEqualTo(403);
			assertThat(page.body()).as(path).contains("Not allowed").doesNotContain("\"timestamp\"");
		}
	}

	private void expectProblem(String method, String path, String accept, String contentType, String body,
			int status) {
		HttpResponse<String> answer = raw(method, path, accept, contentType, body);
		String type = answer.headers().firstValue("Content-Type").orElse("");
		System.out.printf("tried %s %s (Accept %s): %d %s%n", method, path, accept, answer.statusCode(), type);
		assertThat(answer.statusCode()).as(method + " " + path + " " + abbreviate(answer.body())).isEqualTo(status);
		assertThat(type).as(method + " " + path).startsWith("application/problem+json");
		assertThat(answer.body()).contains("\"status\":" + status).doesNotContain("\"timestamp\"");
	}

	private HttpResponse<String> raw(String method, String path, String accept, String contentType, String body) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Accept", accept)
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((ADMIN_EMAIL + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(body));
			if (contentType != null) {
				request.header("Content-Type", contentType);
			}
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** CPU the server's request threads spent while {@code call} ran (this JVM runs the server). */
	private static long requestCpu(Runnable call) {
		long before = serverCpu();
		call.run();
		return serverCpu() - before;
	}

	private static long serverCpu() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long total = 0;
		for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().startsWith("http-nio-")) {
				total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
			}
		}
		return total;
	}

	private static String abbreviate(String text) {
		return text.length() <= 200 ? text : text.substring(0, 200) + "...";
	}
}
