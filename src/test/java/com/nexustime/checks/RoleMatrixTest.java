package com.nexustime.checks;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import com.nexustime.approval.ApprovalFixture;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;
import com.nexustime.support.TestUsers.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what: every operation of the OpenAPI description, the main pages, the metrics scrape and the
 * engine's own REST and webapp, asked by seven callers against data that belongs to somebody else. The expected
 * answer of each cell is in {@link #MATRIX}; an operation without a row fails the test and prints the row it
 * observed, so a new endpoint is a decision, not an accident. docs/security-matrix.md is this table.
 */
class RoleMatrixTest extends IntegrationTest {

	/**
	 * One row per operation; one column per caller: anonymous, staff (a member of the owner's team, not the
	 * owner), manager of another team, admin, auditor, process owner, client link holder (its token as
	 * credentials). Cells: ok = 2xx (or a redirect that is not to sign-in); ok* = 2xx showing the owner's name or
	 * address; 400/422 = past the access check,
	 * then the deliberately empty body was refused; 401 not signed in; 403 refused; 404 hidden (someone else's
	 * data, or nothing there: "999999"); login = page redirected to sign-in. Path variables name the owner's data (see {@link #fill}).
	 */
	static final String MATRIX = """
			# operation                                         anon  staff mgr2  admin audit owner link
			DELETE /api/v1/approvals/{id}                        401   404   404   ok    403   404   401
			DELETE /api/v1/favourites/{projectId}/{activityId}   401   404   404   404   403   403   401
			DELETE /api/v1/me/tokens/{id}                        401   404   404   404   404   404   401
			DELETE /api/v1/time-entries/{id}                     401   404   404   ok    403   403   401
			DELETE /api/v1/timer                                 401   404   404   404   403   403   401
			DELETE /api/v1/users/{id}/cost-rates/{effectiveFrom} 401   403   403   404   403   403   401
			GET /                                                login ok    ok    ok*   ok    ok    401
			GET /actuator/health                                 ok    ok    ok    ok    ok    ok    401
			GET /actuator/prometheus                             401   403   403   ok    403   403   401
			GET /admin/processes                                 login 403   403   ok    403   ok    401
			GET /admin/rules                                     login 403   403   ok    403   ok    401
			GET /api/v1/activities                               401   ok    ok    ok    ok    ok    401
			GET /api/v1/activities/available                     401   400   400   400   403   403   401
			GET /api/v1/activities/{id}                          401   404   404   404   404   404   401
			GET /api/v1/admin/rules                              401   403   403   ok    403   ok    401
			GET /api/v1/approvals                                401   ok    ok    ok*   ok*   ok    401
			GET /api/v1/approvals/{id}                           401   404   404   ok*   ok*   404   401
			GET /api/v1/approvals/{id}/history                   401   404   404   ok    ok    404   401
			GET /api/v1/approvals/{id}/pdf                       401   404   404   ok    ok    404   401
			GET /api/v1/approvals/{id}/snapshot                  401   404   404   ok*   ok*   404   401
			GET /api/v1/artwork-prices                           401   403   ok    ok    ok    403   401
			GET /api/v1/artworks/{id}                            401   404   404   404   404   404   401
			GET /api/v1/artworks/{id}/price                      401   403   404   404   404   403   401
			GET /api/v1/audit                                    401   403   403   ok*   ok*   403   401
			GET /api/v1/audit/verify                             401   403   403   ok    ok    403   401
			GET /api/v1/contacts                                 401   ok    ok    ok    ok    ok    401
			GET /api/v1/contacts/{id}                            401   ok    ok    ok    ok    ok    401
			GET /api/v1/dashboard                                401   ok    ok    ok*   ok    ok    401
			GET /api/v1/deals                                    401   ok    ok    ok    ok    ok    401
			GET /api/v1/deals/{id}                               401   404   404   404   404   404   401
			GET /api/v1/favourites                               401   ok    ok    ok    ok    ok    401
			GET /api/v1/invoices                                 401   403   ok    ok    ok    403   401
			GET /api/v1/invoices/{id}                            401   404   404   404   404   404   401
			GET /api/v1/invoices/{id}/pdf                        401   404   404   404   404   404   401
			GET /api/v1/me                                       401   ok    ok    ok    ok    ok    401
			GET /api/v1/me/notifications                         401   ok    ok    ok    ok    ok    401
			GET /api/v1/me/tokens                                401   ok    ok    ok    ok    ok    401
			GET /api/v1/piece-prices                             401   403   ok    ok    ok    403   401
			GET /api/v1/projects                                 401   ok    ok    ok    ok    ok    401
			GET /api/v1/projects/available                       401   ok    ok    ok    403   403   401
			GET /api/v1/projects/{id}                            401   ok    ok    ok    ok    ok    401
			GET /api/v1/projects/{id}/activities                 401   ok    ok    ok    ok    ok    401
			GET /api/v1/projects/{id}/artworks                   401   ok    ok    ok    ok    ok    401
			GET /api/v1/projects/{id}/dollars                    401   403   ok*   ok*   ok*   403   401
			GET /api/v1/projects/{id}/purchase-orders            401   ok    ok    ok    ok    ok    401
			GET /api/v1/projects/{id}/summary                    401   403   ok    ok    ok    403   401
			GET /api/v1/projects/{id}/timesheet                  401   403   ok*   ok*   ok*   403   401
			GET /api/v1/projects/{projectId}/po-alerts           401   ok    ok    ok    ok    ok    401
			GET /api/v1/rates                                    401   403   ok    ok    ok    403   401
			GET /api/v1/reports/client-billing                   401   403   ok    ok    ok    403   401
			GET /api/v1/reports/client-billing.csv               401   403   ok    ok    ok    403   401
			GET /api/v1/reports/client-billing.png               401   403   ok    ok    ok    403   401
			GET /api/v1/reports/entries.csv                      401   ok    ok    ok    ok    ok    401
			GET /api/v1/reports/profitability                    401   403   ok    ok    403   403   401
			GET /api/v1/reports/profitability.csv                401   403   ok    ok    403   403   401
			GET /api/v1/reports/profitability.png                401   403   ok    ok    403   403   401
			GET /api/v1/reports/time                             401   ok    ok    ok    ok    ok    401
			GET /api/v1/reports/time.csv                         401   ok    ok    ok    ok    ok    401
			GET /api/v1/reports/time.png                         401   ok    ok    ok    ok    ok    401
			GET /api/v1/reports/time/entries                     401   ok    ok    ok    ok    ok    401
			GET /api/v1/reports/utilization                      401   ok    ok    ok*   ok*   ok    401
			GET /api/v1/reports/utilization.csv                  401   ok    ok    ok*   ok*   ok    401
			GET /api/v1/reports/utilization.png                  401   ok    ok    ok    ok    ok    401
			GET /api/v1/tasks                                    401   ok    ok    ok    ok    ok    401
			GET /api/v1/tasks/{id}                               401   403   403   ok    403   403   401
			GET /api/v1/time-entries                             401   ok    ok    ok    ok    ok    401
			GET /api/v1/time-entries/{id}                        401   404   404   ok    ok    404   401
			GET /api/v1/timer                                    401   ok    ok    ok    403   403   401
			GET /api/v1/timesheets/{weekStart}                   401   404   404   ok    ok    404   401
			GET /api/v1/timesheets/{weekStart}/history           401   404   404   ok    ok    404   401
			GET /api/v1/users                                    401   ok    ok*   ok*   ok*   ok    401
			GET /api/v1/users/{id}                               401   404   ok*   ok*   ok*   404   401
			GET /api/v1/users/{id}/cost-rates                    401   403   403   ok    403   403   401
			GET /api/v1/vendors                                  401   ok    ok    ok    ok    ok    401
			GET /api/v1/vendors/{id}                             401   404   404   404   404   404   401
			GET /api/v1/workspace                                401   ok    ok    ok    ok    ok    401
			GET /approvals                                       login ok    ok    ok    ok    ok    401
			GET /audit                                           login 403   403   ok*   ok*   403   401
			GET /audit/weeks/{userId}/{weekStart}                login 403   404   ok*   ok*   403   401
			GET /camunda/app/cockpit/default/                    login 403   403   ok    403   ok    401
			GET /engine-rest/history/task                        401   403   403   ok    403   ok    401
			GET /engine-rest/history/variable-instance           401   403   403   ok*   403   ok*   401
			GET /engine-rest/process-definition                  401   403   403   ok    403   ok    401
			GET /engine-rest/process-instance/{id}/variables     401   403   403   ok*   403   ok*   401
			GET /engine-rest/task                                401   403   403   ok    403   ok    401
			GET /engine-rest/task/{id}/variables                 401   403   403   ok*   403   ok*   401
			GET /engine-rest/user                                401   403   403   ok    403   ok    401
			GET /invoices                                        login 403   ok    ok    ok    403   401
			GET /rates                                           login 403   ok    ok*   ok    403   401
			GET /reports                                         login ok    ok*   ok*   ok*   ok    401
			GET /reports/client-billing                          login 403   ok    ok    ok    403   401
			GET /reports/entries                                 login ok    ok    ok    ok    ok    401
			GET /reports/profitability                           login 403   ok    ok    403   403   401
			GET /reports/utilization                             login ok    ok*   ok*   ok*   ok    401
			GET /time                                            login ok    ok    ok    403   403   401
			GET /timesheet                                       login ok    ok    ok    ok    ok    401
			GET /users                                           login 403   ok*   ok*   ok*   403   401
			PATCH /api/v1/activities/{id}                        401   403   403   404   403   403   401
			PATCH /api/v1/artworks/{id}                          401   403   404   404   403   403   401
			PATCH /api/v1/contacts/{id}                          401   403   ok    ok    403   403   401
			PATCH /api/v1/deals/{id}                             401   403   404   404   403   403   401
			PATCH /api/v1/projects/{id}                          401   403   ok    ok    403   403   401
			PATCH /api/v1/time-entries/{id}                      401   404   404   ok    403   403   401
			PATCH /api/v1/users/{id}                             401   404   403   ok*   403   404   401
			PATCH /api/v1/vendors/{id}                           401   403   403   404   403   403   401
			POST /api/v1/activities                              401   403   403   400   403   403   401
			POST /api/v1/admin/rules/reload                      401   403   403   ok    403   ok    401
			POST /api/v1/approvals                               401   400   400   400   403   403   401
			POST /api/v1/approvals/{id}/resend                   401   404   404   ok    403   403   401
			POST /api/v1/artwork-prices                          401   403   403   400   403   403   401
			POST /api/v1/artworks/{id}/complete                  401   403   404   404   403   403   401
			POST /api/v1/contacts                                401   403   400   400   403   403   401
			POST /api/v1/deals                                   401   403   400   400   403   403   401
			POST /api/v1/favourites                              401   400   400   400   403   403   401
			POST /api/v1/invoices/from-time                      401   403   400   400   403   403   401
			POST /api/v1/invoices/preview                        401   403   400   400   403   403   401
			POST /api/v1/invoices/{id}/pay                       401   403   404   404   403   403   401
			POST /api/v1/invoices/{id}/send                      401   403   404   404   403   403   401
			POST /api/v1/invoices/{id}/void                      401   403   404   404   403   403   401
			POST /api/v1/me/notifications/{id}/read              401   404   404   404   404   404   401
			POST /api/v1/me/password                             401   422   422   422   422   422   401
			POST /api/v1/me/tokens                               401   400   400   400   400   400   401
			POST /api/v1/password-resets                         ok    ok    ok    ok    ok    ok    401
			POST /api/v1/piece-prices                            401   403   403   400   403   403   401
			POST /api/v1/projects                                401   403   400   400   403   403   401
			POST /api/v1/projects/{id}/artworks                  401   403   400   400   403   403   401
			POST /api/v1/projects/{id}/finalize                  401   403   403   400   403   403   401
			POST /api/v1/projects/{id}/purchase-orders           401   403   400   400   403   403   401
			POST /api/v1/rates                                   401   403   403   400   403   403   401
			POST /api/v1/tasks/{id}/claim                        401   403   403   ok    403   403   401
			POST /api/v1/tasks/{id}/complete                     401   403   403   422   403   403   401
			POST /api/v1/time-entries                            401   400   400   400   403   403   401
			POST /api/v1/time-entries/bulk                       401   400   400   400   403   403   401
			POST /api/v1/timer                                   401   400   400   400   403   403   401
			POST /api/v1/timer/stop                              401   404   404   404   403   403   401
			POST /api/v1/timer/switch                            401   400   400   400   403   403   401
			POST /api/v1/timesheets/{weekStart}/copy-previous    401   404   404   ok    403   403   401
			POST /api/v1/timesheets/{weekStart}/paste            401   400   400   400   403   403   401
			POST /api/v1/timesheets/{weekStart}/recall           401   ok    ok    ok    403   403   401
			POST /api/v1/timesheets/{weekStart}/rows             401   400   400   400   403   403   401
			POST /api/v1/timesheets/{weekStart}/submit           401   ok    ok    ok    403   403   401
			POST /api/v1/users                                   401   403   403   400   403   403   401
			POST /api/v1/users/{id}/cost-rates                   401   403   403   400   403   403   401
			POST /api/v1/users/{id}/invitation                   401   403   403   ok    403   403   401
			POST /api/v1/vendors                                 401   403   403   400   403   403   401
			POST /engine-rest/process-instance/{id}/variables    401   403   403   403   403   403   401
			POST /engine-rest/task/{id}/complete                 401   403   403   403   403   403   401
			PUT /api/v1/timesheets/{weekStart}                   401   400   400   400   403   403   401
			PUT /api/v1/workspace                                401   403   403   400   403   403   401
			""";

	static final List<String> CALLERS = List.of("anon", "staff", "mgr2", "admin", "audit", "owner", "link");

	static final LocalDate WEEK = LocalDate.of(2020, 6, 1);

	private final HttpClient http = HttpClient.newHttpClient();

	private final String unique = UUID.randomUUID().toString().substring(0, 8);

	private TestUser owner;

	private TestUser managerOfOwner;

	private long project;

	private long contact;

	private long entry;

	private long approval;

	private String taskId;

	private String ownerName;

	private String processInstance;

	private String linkToken;

	private Map<String, String> authorizations;

	@Test
	void everyCallerGetsItsDeclaredAnswerOnEveryOperation() throws IOException {
		fixture();
		int targeted = refusedWithValidInput();
		Map<String, List<String>> expected = parse(MATRIX);
		List<String[]> operations = operations();
		List<String> missing = new ArrayList<>();
		List<String> wrong = new ArrayList<>();
		Map<String, List<String>> observed = new TreeMap<>();
		operations.forEach(op -> observed.put(op[0] + " " + op[1], new ArrayList<>(CALLERS)));
		String before = ownersData();
		int cells = 0;
		// the admin goes last: its writes are allowed and change the owner's data
		for (String caller : List.of("anon", "staff", "mgr2", "audit", "owner", "link", "admin")) {
			if (caller.equals("admin")) {
				assertThat(ownersData()).as("the owner's data after every refused caller's writes").isEqualTo(before);
			}
			for (String[] op : operations) {
				observed.get(op[0] + " " + op[1]).set(CALLERS.indexOf(caller), call(caller, op[0], fill(op[1])));
				cells++;
			}
		}
		for (var row : observed.entrySet()) {
			List<String> want = expected.get(row.getKey());
			if (want == null) {
				missing.add(format(row.getKey(), row.getValue()));
				continue;
			}
			for (int i = 0; i < CALLERS.size(); i++) {
				if (!want.get(i).equals(row.getValue().get(i))) {
					wrong.add(row.getKey() + " as " + CALLERS.get(i) + ": expected " + want.get(i) + ", got "
							+ row.getValue().get(i));
				}
			}
		}
		System.out.println("RoleMatrixTest: " + operations.size() + " operations x " + CALLERS.size() + " callers = "
				+ cells + " cells checked (+ " + targeted + " with valid input), " + wrong.size() + " differ, " + missing.size() + " without a row");
		observed.forEach((k, v) -> System.out.println("  " + format(k, v)));
		assertThat(missing).as("operations without a row in MATRIX (observed answers shown)").isEmpty();
		String doc = Files.readString(Path.of("docs/security-matrix.md"));
		assertThat(MATRIX.strip().lines().map(String::strip).filter(line -> !doc.contains(line)).toList())
			.as("rows of MATRIX that docs/security-matrix.md does not show as they are").isEmpty();
		assertThat(wrong).as("cells that differ from MATRIX").isEmpty();
	}

	private void fixture() {
		owner = TestUsers.create(jdbc, "STAFF");
		managerOfOwner = TestUsers.create(jdbc, "MANAGER");
		ownerName = jdbc.sql("select name from app_user where id = ?").param(owner.id()).query(String.class).single();
		TestUser teammate = TestUsers.create(jdbc, "STAFF");
		TestUser otherManager = TestUsers.create(jdbc, "MANAGER");
		TestUser otherStaff = TestUsers.create(jdbc, "STAFF");
		TestUser admin = TestUsers.create(jdbc, "ADMIN");
		TestUser auditor = TestUsers.create(jdbc, "AUDITOR");
		TestUser processOwner = TestUsers.create(jdbc, "PROCESS_OWNER");
		jdbc.sql("update app_user set manager_id = ? where id in (?, ?)").params(managerOfOwner.id(), owner.id(),
				teammate.id()).update();
		jdbc.sql("update app_user set manager_id = ? where id = ?").params(otherManager.id(), otherStaff.id()).update();
		contact = jdbc.sql("insert into contact (name, email, company) values (?, ?, 'Matrix') returning id")
			.params("Client " + unique, "buyer-" + unique + "@example.com").query(Long.class).single();
		project = jdbc.sql("insert into project (name, contact_id, type) values (?, ?, 'STANDARD') returning id")
			.params("Matrix " + unique, contact).query(Long.class).single();
		long activity = jdbc.sql("insert into activity (name, category) values (?, 'DESIGN_CREATIVE') returning id")
			.param("Design " + unique).query(Long.class).single();
		entry = entry(owner, activity, WEEK, 480);
		entry(owner, activity, WEEK.plusDays(14), 120);
		var submitted = owner.client(api).post("/api/v1/timesheets/" + WEEK + "/submit", Map.of());
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
		processInstance = submitted.json().get("processInstanceId").asText();
		JsonNode tasks = managerOfOwner.client(api).get("/api/v1/tasks").json();
		assertThat(tasks.size()).as(tasks.toString()).isGreaterThan(0);
		taskId = tasks.get(0).get("id").asText();
		var created = owner.client(api).post("/api/v1/approvals", Map.of("contactId", String.valueOf(contact), "from",
				WEEK.plusDays(14).toString(), "to", WEEK.plusDays(20).toString(), "grouping", "PROJECT", "message", "m"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		approval = created.json().get("id").asLong();
		linkToken = ApprovalFixture.token(ApprovalFixture.mailedLink(context, approval));
		authorizations = new LinkedHashMap<>();
		authorizations.put("anon", null);
		authorizations.put("staff", basic(teammate));
		authorizations.put("mgr2", basic(otherManager));
		authorizations.put("admin", basic(admin));
		authorizations.put("audit", basic(auditor));
		authorizations.put("owner", basic(processOwner));
		authorizations.put("link", "Bearer " + linkToken);
	}

	/**
	 * The cells that matter most, asked with input that would succeed for the right caller, so that the refusal is
	 * the access check and not the body; each leaves the owner's data as it was.
	 */
	private int refusedWithValidInput() throws IOException {
		String before = ownersData();
		// the workspace as it is: a body the admin's PUT accepts
		String workspace = api.basic(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD).get("/api/v1/workspace")
			.body();
		List<String[]> cells = List.of(
				// a manager of another team approving the owner's week
				new String[] { "mgr2", "POST", "/api/v1/tasks/" + taskId + "/complete", "{\"approved\":true,\"comment\":\"fine\"}", "403" },
				new String[] { "mgr2", "POST", "/api/v1/tasks/" + taskId + "/claim", "{}", "403" },
				// a teammate, the auditor and the process owner editing the owner's entry
				new String[] { "staff", "PATCH", "/api/v1/time-entries/" + entry, "{\"minutes\":60}", "404" },
				new String[] { "mgr2", "PATCH", "/api/v1/time-entries/" + entry, "{\"minutes\":60}", "404" },
				new String[] { "audit", "PATCH", "/api/v1/time-entries/" + entry, "{\"minutes\":60}", "403" },
				new String[] { "owner", "PATCH", "/api/v1/time-entries/" + entry, "{\"minutes\":60}", "403" },
				new String[] { "mgr2", "PUT", "/api/v1/timesheets/" + WEEK, "{\"userId\":" + owner.id() + ",\"rows\":[]}", "404" },
				// money and people for the process owner
				new String[] { "owner", "POST", "/api/v1/users/" + owner.id() + "/cost-rates", "{\"effectiveFrom\":\"2020-01-01\",\"rate\":1}", "403" },
				new String[] { "owner", "PATCH", "/api/v1/users/" + owner.id(), "{\"name\":\"Renamed\"}", "404" },
				new String[] { "staff", "PUT", "/api/v1/workspace", workspace, "403" },
				new String[] { "owner", "PUT", "/api/v1/workspace", workspace, "403" },
				// the engine's REST as a way around the tasklist's rules
				new String[] { "owner", "POST", "/engine-rest/task/" + taskId + "/complete", "{\"variables\":{\"approved\":{\"value\":true}}}", "403" },
				new String[] { "admin", "POST", "/engine-rest/task/" + taskId + "/complete", "{\"variables\":{\"approved\":{\"value\":true}}}", "403" },
				new String[] { "owner", "POST", "/engine-rest/process-instance/" + processInstance + "/variables", "{\"modifications\":{\"approved\":{\"value\":true}}}", "403" },
				new String[] { "owner", "PUT", "/engine-rest/process-instance/" + processInstance + "/variables/approved", "{\"value\":true}", "403" },
				new String[] { "owner", "DELETE", "/engine-rest/process-instance/" + processInstance, null, "403" },
				// the link as credentials on the API
				new String[] { "link", "GET", "/api/v1/approvals/" + approval, null, "401" },
				// last, once the refused writes are checked: the same workspace body is one the admin may PUT
				new String[] { "admin", "PUT", "/api/v1/workspace", workspace, "ok" });
		List<String> differ = new ArrayList<>();
		for (String[] cell : cells) {
			if (cell[2].equals("/api/v1/workspace") && cell[0].equals("admin")) {
				assertThat(ownersData()).as("the owner's data after the refused writes").isEqualTo(before);
			}
			String got = send(cell[0], cell[1], cell[2], cell[3]);
			System.out.println("  valid input: " + cell[0] + " " + cell[1] + " " + cell[2] + " -> " + got);
			if (!got.equals(cell[4])) {
				differ.add(cell[0] + " " + cell[1] + " " + cell[2] + ": expected " + cell[4] + ", got " + got);
			}
		}
		assertThat(differ).as("refusals with valid input").isEmpty();
		assertThat(jdbc.sql("select minutes from time_entry where id = ?").param(entry).query(Integer.class).single())
			.isEqualTo(480);
		return cells.size() + linkHolder();
	}

	/** The client's link opens its own page and nothing else: not a changed token, not the API, not the pages. */
	private int linkHolder() throws IOException {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
		String own = "/public/approvals/" + linkToken;
		String other = linkToken.substring(0, linkToken.length() - 1)
				+ (linkToken.endsWith("A") ? "B" : "A");
		Map<String, Integer> expected = new LinkedHashMap<>();
		expected.put(own, 200);
		expected.put("/public/approvals/" + other, 404);
		expected.put("/public/invoices/" + linkToken, 404);
		expected.put("/api/v1/approvals/" + approval, 401);
		expected.put("/api/v1/time-entries/" + entry, 401);
		expected.put("/approvals", 401); // no session: refused, whatever the page
		expected.put("/engine-rest/task", 401);
		List<String> differ = new ArrayList<>();
		for (var cell : expected.entrySet()) {
			// the session the client's own page started goes along with every request
			int status = status(browser, cell.getKey());
			System.out.println("  link holder with its page's cookies: GET " + cell.getKey().replace(linkToken, "<token>")
				.replace(other, "<other token>") + " -> " + status);
			if (status != cell.getValue()) {
				differ.add(cell.getKey() + ": expected " + cell.getValue() + ", got " + status);
			}
		}
		assertThat(differ).as("the link holder's answers").isEmpty();
		return expected.size();
	}

	private int status(HttpClient client, String path) throws IOException {
		try {
			return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
					HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private String send(String caller, String method, String path, String body) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (authorizations.get(caller) != null) {
			request.header("Authorization", authorizations.get(caller));
		}
		try {
			int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
			return status < 300 ? "ok" : String.valueOf(status);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** What a refused write must leave alone: the owner's entries, week, approval, account and cost rates. */
	private String ownersData() {
		return jdbc.sql("""
				select (select string_agg(concat_ws('|', id, minutes, status, description, rate, amount), ',' order by id)
				          from time_entry where user_id = :owner)
				    || ' / ' || (select string_agg(concat_ws('|', week_start, status, comment, decided_by), ',')
				          from timesheet_week where user_id = :owner)
				    || ' / ' || (select concat_ws('|', email, name, manager_id) from app_user where id = :owner)
				    || ' / ' || coalesce((select string_agg(concat_ws('|', effective_from, rate), ',')
				          from user_cost_rate where user_id = :owner), '-')
				    || ' / ' || (select a::text from client_approval a where id = :approval)
				    || ' / ' || (select w::text from workspace w)""")
			.param("owner", owner.id()).param("approval", approval).query(String.class).single();
	}

	private long entry(TestUser user, long activity, LocalDate date, int minutes) {
		return jdbc.sql("""
				insert into time_entry (type, user_id, project_id, activity_id, entry_date, minutes, rate, amount, description)
				values ('ACTIVITY', ?, ?, ?, ?, ?, 100, ?, 'matrix') returning id""")
			.params(user.id(), project, activity, date, minutes, BigDecimal.valueOf(minutes * 100L / 60))
			.query(Long.class).single();
	}

	private static String basic(TestUser user) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((user.email() + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	/** Path variables filled with the owner's data, by the collection they follow. */
	String fill(String path) {
		StringBuilder out = new StringBuilder();
		String previous = "";
		for (String segment : path.split("/", -1)) {
			if (!out.isEmpty() || !segment.isEmpty()) {
				out.append('/');
			}
			if (segment.startsWith("{")) {
				out.append(switch (previous) {
					case "time-entries" -> String.valueOf(entry);
					case "tasks" -> taskId;
					case "approvals" -> String.valueOf(approval);
					case "users", "weeks" -> String.valueOf(owner.id());
					case "projects" -> String.valueOf(project);
					case "contacts" -> String.valueOf(contact);
					case "timesheets" -> WEEK.toString();
					case "task" -> taskId;
					case "process-instance" -> processInstance;
					case "cost-rates", "rates" -> "2020-01-01";
					default -> segment.contains("week") || segment.contains("Date") || segment.contains("From")
							? WEEK.toString() : "999999";
				});
			}
			else {
				out.append(segment);
			}
			previous = segment;
		}
		// the owner's week, not the caller's own
		return path.startsWith("/api/v1/timesheets/") ? out + "?userId=" + owner.id() : out.toString();
	}

	/** Every operation the OpenAPI description lists, plus the pages, the metrics scrape and the engine. */
	private List<String[]> operations() {
		JsonNode paths = api.anonymous().get("/v3/api-docs").json().get("paths");
		List<String[]> operations = new ArrayList<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
			var path = it.next();
			for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
				String method = methods.next().toUpperCase();
				if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
					operations.add(new String[] { method, path.getKey() });
				}
			}
		}
		assertThat(operations).as("the OpenAPI description lists the API").hasSizeGreaterThan(50);
		for (String page : List.of("/", "/timesheet", "/time", "/reports", "/reports/entries", "/reports/utilization", "/audit/weeks/{userId}/{weekStart}",
				"/reports/profitability", "/reports/client-billing", "/invoices", "/approvals", "/audit", "/users",
				"/admin/rules", "/admin/processes", "/rates", "/actuator/prometheus", "/actuator/health",
				"/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/user",
				"/engine-rest/process-instance/{id}/variables", "/engine-rest/task/{id}/variables",
				"/engine-rest/history/variable-instance", "/engine-rest/history/task",
				"/camunda/app/cockpit/default/")) {
			operations.add(new String[] { "GET", page });
		}
		operations.add(new String[] { "POST", "/engine-rest/task/{id}/complete" });
		operations.add(new String[] { "POST", "/engine-rest/process-instance/{id}/variables" });
		// deletes last: an admin's delete is allowed and takes the row away
		operations.sort((a, b) -> Boolean.compare(a[0].equals("DELETE"), b[0].equals("DELETE")));
		return operations;
	}

	private String call(String caller, String method, String path) {
		String authorization = authorizations.get(caller);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", path.startsWith("/api/") || path.startsWith("/engine-rest") ? "application/json"
					: path.startsWith("/actuator/") ? "*/*" : "text/html")
			.method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString("{}"));
		if (!method.equals("GET") && !method.equals("DELETE")) {
			request.header("Content-Type", "application/json");
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			int status = response.statusCode();
			if (status >= 500) {
				return "500";
			}
			if (status == 302 || status == 303) {
				return response.headers().firstValue("Location").orElse("").contains("/login") ? "login" : "ok";
			}
			if (status < 300) {
				// the owner's name or address in the answer: the caller sees the owner's data
				String body = response.body();
				return body.contains(owner.email()) || body.contains(ownerName) ? "ok*" : "ok";
			}
			return String.valueOf(status);
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private static Map<String, List<String>> parse(String table) {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (String line : table.strip().split("\n")) {
			if (line.isBlank() || line.strip().startsWith("#")) {
				continue;
			}
			String[] cells = line.strip().split("\\s+");
			rows.put(cells[0] + " " + cells[1], List.of(cells).subList(2, cells.length));
		}
		return rows;
	}

	private static String format(String key, List<String> row) {
		StringBuilder line = new StringBuilder(String.format("%-52s ", key));
		row.forEach(cell -> line.append(String.format("%-6s", cell)));
		return line.toString().stripTrailing();
	}
}
