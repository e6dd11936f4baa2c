package com.nexustime.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

import com.nexustime.audit.AuditTrail;
import com.nexustime.support.DatabaseOwner;
import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** The auditor's view of one person's week: decisions with who and when, the review diagram, every entry change. */
class WeekAuditPageTest extends IntegrationTest {

	private static final LocalDate WEEK = LocalDate.of(2026, 10, 5);

	@Autowired
	Flyway flyway;

	private TestUsers.TestUser manager;

	private TestUsers.TestUser staff;

	private long project;

	private long activity;

	@BeforeEach
	void setUp() {
		ReviewFixture fx = new ReviewFixture(jdbc, "Week audit");
		manager = fx.manager;
		staff = fx.staff;
		project = fx.project;
		activity = fx.activity;
	}

	@Test
	void theWeekShowsEveryDecisionTheDiagramAndEveryEntryChangeDeletedOnesIncluded() {
		String kept = entry(staff, WEEK.plusDays(1), 240, "kept entry");
		assertThat(staff.client(api).patch("/api/v1/time-entries/" + kept, Map.of("minutes", 300)).status())
			.isEqualTo(200);
		String deleted = entry(staff, WEEK.plusDays(2), 60, "deleted entry");
		assertThat(staff.client(api).delete("/api/v1/time-entries/" + deleted).status()).isEqualTo(204);
		String otherWeek = entry(staff, WEEK.plusDays(7), 30, "next week's entry");
		TestUsers.TestUser colleague = TestUsers.create(jdbc, "STAFF");
		String colleagues = entry(colleague, WEEK.plusDays(1), 30, "colleague's entry");

		String first = staff.client(api).post("/api/v1/timesheets/" + WEEK + "/submit", Map.of()).json()
			.get("processInstanceId").asText();
		assertThat(manager.client(api).post("/api/v1/tasks/" + reviewTask(first) + "/complete",
				Map.of("approved", false, "comment", "Tuesday looks short")).status()).isEqualTo(204);
		String second = staff.client(api).post("/api/v1/timesheets/" + WEEK + "/submit", Map.of()).json()
			.get("processInstanceId").asText();
		assertThat(second).isNotEqualTo(first);
		assertThat(staff.client(api).post("/api/v1/timesheets/" + WEEK + "/recall", Map.of()).status()).isEqualTo(200);

		TestUsers.TestUser auditor = TestUsers.create(jdbc, "AUDITOR");
		FormSession browser = FormSession.signIn(port, auditor.email(), TestUsers.PASSWORD);
		var page = browser.get("/audit/weeks/" + staff.id() + "/" + WEEK);
		assertThat(page.status()).isEqualTo(200);
		String body = HtmlUtils.htmlUnescape(page.body());
		assertThat(body).contains("<span class=\"badge text-bg-secondary\" id=\"week-status\">Open</span>");
		// submit, reject (with the manager and the comment), submit, recall — in that order
		assertThat(body).containsPattern("(?s)id=\"week-records\">.*" + staff.email() + ".*SUBMIT.*" + manager.email()
				+ ".*REJECT.*Tuesday looks short.*SUBMIT.*RECALL.*</table>.*id=\"review-steps\"");
		assertThat(body).contains("id=\"process\"").contains("<svg");
		String entries = body.substring(body.indexOf("id=\"entry-records\""));
		assertThat(entries).contains("kept entry").contains("deleted entry").contains(">DELETE<")
			.containsPattern("(?s)<code>minutes</code></td>\\s*<td[^>]*>240</td>\\s*<td[^>]*>300</td>")
			.doesNotContain("next week's entry").doesNotContain("colleague's entry");
		assertThat(entries).contains("entityId=" + kept).contains("entityId=" + deleted)
			.doesNotContain("entityId=" + otherWeek + "\"").doesNotContain("entityId=" + colleagues + "\"");

		// a day inside the week opens the week; the manager sees it, another manager and staff do not
		var midweek = browser.get("/audit/weeks/" + staff.id() + "/" + WEEK.plusDays(3));
		assertThat(midweek.status()).isEqualTo(302);
		assertThat(midweek.location()).endsWith("/audit/weeks/" + staff.id() + "/" + WEEK);
		assertThat(FormSession.signIn(port, manager.email(), TestUsers.PASSWORD)
			.get("/audit/weeks/" + staff.id() + "/" + WEEK).status()).isEqualTo(200);
		TestUsers.TestUser otherManager = TestUsers.create(jdbc, "MANAGER");
		assertThat(FormSession.signIn(port, otherManager.email(), TestUsers.PASSWORD)
			.get("/audit/weeks/" + staff.id() + "/" + WEEK).status()).isEqualTo(404);
		assertThat(FormSession.signIn(port, staff.email(), TestUsers.PASSWORD)
			.get("/audit/weeks/" + staff.id() + "/" + WEEK).status()).isEqualTo(403);
		assertThat(browser.get("/audit/weeks/" + staff.id() + "/not-a-day").status()).isEqualTo(400);
	}

	@Test
	void theAuditPageAndThePeopleListLinkToTheWeek() {
		String first = staff.client(api).post("/api/v1/timesheets/" + WEEK.plusWeeks(1) + "/submit", Map.of()).json()
			.get("processInstanceId").asText();
		assertThat(first).isNotBlank();
		FormSession admin = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String audit = admin.get("/audit?entityType=TimesheetWeek&entityId=week:" + staff.id() + ":" + WEEK.plusWeeks(1))
			.body();
		assertThat(audit).contains("href=\"/audit/weeks/" + staff.id() + "/" + WEEK.plusWeeks(1) + "\"");
		assertThat(admin.get("/users").body()).contains("href=\"/audit/weeks/" + staff.id() + "/");
		String entry = entry(staff, WEEK.plusDays(3), 60, "linked entry");
		assertThat(admin.get("/audit?entityType=TimeEntry&entityId=" + entry).body())
			.contains("href=\"/audit/weeks/" + staff.id() + "/" + WEEK.plusDays(3) + "\"");
	}

	@Test
	void theIndexesServeTheSearchForAPersonsEntriesOfAWeek() {
		// A test database holds a handful of records, so the planner may well walk the general entity index
		// instead; with that one dropped inside a transaction that is rolled back, the plan shows whether the
		// indexes of V16 can serve the two JSON searches (a sequential scan would fail this).
		// as the database owner: the app's own role may not drop an index of the append-only audit log
		DataSource owner = DatabaseOwner.dataSource(flyway);
		JdbcClient asOwner = JdbcClient.create(owner);
		List<String> plan = new TransactionTemplate(new DataSourceTransactionManager(owner)).execute(status -> {
			status.setRollbackOnly();
			asOwner.sql("drop index audit_log_entity_idx").update();
			asOwner.sql("set local enable_seqscan = off").update();
			return asOwner.sql("explain " + AuditTrail.TIME_ENTRIES_OF_WEEK)
				.param("userId", staff.id()).param("from", WEEK).param("to", WEEK.plusDays(6))
				.param("userText", Long.toString(staff.id())).param("fromText", WEEK.toString())
				.param("toText", WEEK.plusDays(6).toString())
				.query(String.class).list();
		});
		String text = String.join("\n", plan);
		assertThat(text).contains("audit_log_entry_after_idx").contains("audit_log_entry_before_idx");
	}

	private String entry(TestUsers.TestUser who, LocalDate date, int minutes, String description) {
		var created = who.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY", "projectId", project,
				"activityId", activity, "date", date.toString(), "minutes", minutes, "description", description));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asText();
	}

	private String reviewTask(String processInstanceId) {
		for (JsonNode task : manager.client(api).get("/api/v1/tasks").json()) {
			if (processInstanceId.equals(task.get("processInstanceId").asText())) {
				return task.get("id").asText();
			}
		}
		throw new AssertionError("no review task for " + processInstanceId);
	}
}
