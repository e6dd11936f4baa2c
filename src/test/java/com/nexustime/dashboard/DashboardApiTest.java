package com.nexustime.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static com.nexustime.dashboard.DashboardFixture.dashboard;
import static com.nexustime.dashboard.DashboardFixture.projectIds;
import static com.nexustime.dashboard.DashboardFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/dashboard} for each role, and its figures against the project's own Time tab. */
class DashboardApiTest extends IntegrationTest {

	private static final LocalDate SUBMITTED_WEEK = LocalDate.of(2021, 3, 1);

	private static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);

	private DashboardFixture f;

	private LocalDate today;

	private LocalDate thisWeek;

	@BeforeEach
	void fixture() {
		f = new DashboardFixture(api, admin(), jdbc);
		String zone = jdbc.sql("select time_zone from workspace").query(String.class).single();
		today = LocalDate.now(ZoneId.of(zone));
		thisWeek = LocalDate.parse(dashboard(f.staff.client(api)).get("week").get("weekStart").asText());
	}

	@Test
	void staffSeeTheirOwnWeekTimerAndTasksAndNoOnesProjects() {
		String project = f.project("Staff view", f.lead.id(), null);
		f.time(f.staff, project, today, 3);
		f.time(f.colleague, project, today, 5);
		jdbc.sql("update app_user set weekly_hours = 30 where id = ?").param(f.staff.id()).update();
		Api.Response timer = f.staff.client(api).post("/api/v1/timer", Map.of("projectId", project, "activityId",
				f.design, "description", "Layout " + f.unique));
		assertThat(timer.status()).as(timer.toString()).isEqualTo(201);

		JsonNode mine = dashboard(f.staff.client(api));

		JsonNode week = mine.get("week");
		assertThat(week.get("weekStart").asText()).isEqualTo(thisWeek.toString());
		assertThat(week.get("hours").asText()).as("my own 3 hours, not my colleague's 5").isEqualTo("3.00");
		assertThat(week.get("status").asText()).isEqualTo("OPEN");
		assertThat(week.get("weeklyHours").asText()).isEqualTo("30.00");
		assertThat(week.get("days")).hasSize(7);
		JsonNode todays = null;
		for (JsonNode day : week.get("days")) {
			if (day.get("date").asText().equals(today.toString())) {
				todays = day;
			}
		}
		assertThat(todays).isNotNull();
		assertThat(todays.get("hours").asText()).isEqualTo("3.00");
		assertThat(week.get("submitUrl").asText()).isEqualTo("/api/v1/timesheets/" + thisWeek + "/submit");
		assertThat(mine.get("runningTimer").get("description").asText()).isEqualTo("Layout " + f.unique);
		assertThat(mine.get("openTasks").asInt()).isZero();
		assertThat(mine.get("projects")).isEmpty();
		assertThat(mine.has("alerts")).isFalse();
		assertThat(mine.has("weeksToReview")).isFalse();
		assertThat(mine.has("peopleNotSubmitted")).isFalse();
		assertThat(mine.has("clientApprovals")).isFalse();
		assertThat(mine.toString()).doesNotContain(f.name(f.colleague)).doesNotContainIgnoringCase("cost");

		// the submit link answers what it says
		Api.Response submitted = f.staff.client(api).post(week.get("submitUrl").asText(), Map.of());
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
		assertThat(dashboard(f.staff.client(api)).get("week").get("status").asText()).isEqualTo("SUBMITTED");
	}

	@Test
	void managersSeeTheirProjectsTheirReviewQueueWhoHasNotSubmittedAndClientApprovals() {
		String mine = f.project("Lead's", f.lead.id(), null);
		String others = f.project("Someone else's", null, null);
		f.time(f.staff, mine, SUBMITTED_WEEK, 8);
		Api.Response submitted = f.staff.client(api).post("/api/v1/timesheets/" + SUBMITTED_WEEK + "/submit", Map.of());
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
		f.time(f.staff, mine, NOV_2, 2);
		Api.Response approval = f.lead.client(api).post("/api/v1/approvals", Map.of("contactId", f.contact,
				"from", NOV_2.toString(), "to", NOV_2.toString(), "grouping", "PROJECT"));
		assertThat(approval.status()).as(approval.toString()).isEqualTo(201);

		JsonNode lead = dashboard(f.lead.client(api));

		assertThat(projectIds(lead)).contains(mine).doesNotContain(others);
		assertThat(lead.get("weeksToReview")).anySatisfy(week -> {
			assertThat(week.get("userId").asText()).isEqualTo(String.valueOf(f.staff.id()));
			assertThat(week.get("name").asText()).isEqualTo(f.name(f.staff));
			assertThat(week.get("weekStart").asText()).isEqualTo(SUBMITTED_WEEK.toString());
			assertThat(week.get("url").asText()).startsWith("/tasks/");
		});
		assertThat(lead.get("openTasks").asInt()).isGreaterThanOrEqualTo(1);
		List<String> notSubmitted = new ArrayList<>();
		lead.get("peopleNotSubmitted").forEach(w -> notSubmitted.add(w.get("userId").asText() + "@"
				+ w.get("weekStart").asText()));
		assertThat(notSubmitted).contains(f.colleague.id() + "@" + thisWeek, f.colleague.id() + "@" + thisWeek.minusWeeks(1),
				f.staff.id() + "@" + thisWeek);
		assertThat(lead.get("clientApprovals")).anySatisfy(a -> {
			assertThat(a.get("id").asText()).isEqualTo(approval.json().get("id").asText());
			assertThat(a.get("status").asText()).isEqualTo("SENT");
		});

		// a reviewer's dashboard is theirs alone: the staff member sees none of it
		JsonNode staff = dashboard(f.staff.client(api));
		assertThat(staff.has("weeksToReview")).isFalse();
		assertThat(staff.get("projects")).isEmpty();
	}

	@Test
	void adminsSeeEveryActiveProject() {
		String managed = f.project("Managed", f.lead.id(), null);
		String unmanaged = f.project("Unmanaged", null, null);
		String closed = f.project("Closed", f.lead.id(), null);
		assertThat(admin().patch("/api/v1/projects/" + closed, Map.of("status", "CLOSED")).status()).isEqualTo(200);

		JsonNode admin = dashboard(admin());

		assertThat(projectIds(admin)).contains(managed, unmanaged).doesNotContain(closed);
		assertThat(projectIds(dashboard(f.lead.client(api)))).contains(managed).doesNotContain(unmanaged, closed);
		assertThat(admin.has("weeksToReview")).isTrue();
	}

	/**
	 * The agreement check: a project with billed, finalized and open work and a purchase order shows on the
	 * dashboard exactly what its Time tab's summary says.
	 */
	@Test
	void everyFigureEqualsTheProjectsTimeTab() {
		String project = f.project("Agreement", f.lead.id(), "2000.00");
		f.purchaseOrder(project, "PO-A-" + f.unique, "1000.00", "Design");
		f.purchaseOrder(project, "PO-B-" + f.unique, "5000.00", "Print");
		f.time(f.staff, project, NOV_2, 2);
		f.time(f.colleague, project, NOV_2.plusDays(1), 1);
		f.finalizeThrough(project, NOV_2.plusDays(1));
		f.bill(NOV_2, NOV_2.plusDays(1));
		f.time(f.staff, project, NOV_2.plusDays(7), 3);
		f.finalizeThrough(project, NOV_2.plusDays(7));
		f.time(f.staff, project, NOV_2.plusDays(14), 1);

		JsonNode summary = admin().get("/api/v1/projects/" + project + "/summary").json();
		for (Api.Client reader : List.of(admin(), f.lead.client(api))) {
			JsonNode line = row(dashboard(reader), project);
			assertThat(line).isNotNull();
			assertThat(line.get("billed").asText()).isEqualTo(summary.get("billed").asText()).isEqualTo("300.00");
			assertThat(line.get("finalized").asText()).isEqualTo(summary.get("finalizedToBill").asText())
				.isEqualTo("300.00");
			assertThat(line.get("notBilled").asText()).isEqualTo(summary.get("notBilled").asText()).isEqualTo("100.00");
			assertThat(line.get("total").asText()).isEqualTo(summary.get("total").asText()).isEqualTo("600.00");
			BigDecimal highest = BigDecimal.ZERO;
			for (JsonNode po : summary.get("purchaseOrders")) {
				highest = highest.max(new BigDecimal(po.get("percentUsed").asText()));
			}
			assertThat(line.get("poUsedPercent").asText()).isEqualTo(highest.toPlainString()).isEqualTo("70.00");
			assertThat(line.get("poNumber").asText()).isEqualTo("PO-A-" + f.unique);
			assertThat(line.get("poAlertState").asText()).isEqualTo("OK");
			assertThat(line.get("budget").asText()).isEqualTo("2000.00");
			assertThat(line.get("budgetUsed").asText()).isEqualTo("700.00");
			// docs/dashboard.md: budget is the agreed budget, not the summary's money on BUDGET activities;
			// budgetUsed is the summary's billed + finalized + not billed + open fixed costs and adjustments
			assertThat(summary.get("budget").asText()).isEqualTo("0.00");
			BigDecimal used = BigDecimal.ZERO;
			for (String field : List.of("billed", "finalizedToBill", "notBilled", "notBilledFixed", "notBilledAdjustments")) {
				used = used.add(new BigDecimal(summary.get(field).asText()));
			}
			assertThat(line.get("budgetUsed").asText()).isEqualTo(used.toPlainString());
			assertThat(line.get("budgetUsedPercent").asText()).isEqualTo("35.00");
			assertThat(line.get("openAlerts").asInt()).isZero();
			assertThat(line.get("timeUrl").asText()).isEqualTo("/projects/" + project + "/time");
			// assignment: accumulated hours per person, most first
			assertThat(line.get("people")).hasSize(2);
			assertThat(line.get("people").get(0).get("userId").asText()).isEqualTo(String.valueOf(f.staff.id()));
			assertThat(line.get("people").get(0).get("hours").asText()).isEqualTo("6.00");
			assertThat(line.get("people").get(1).get("name").asText()).isEqualTo(f.name(f.colleague));
			assertThat(line.get("people").get(1).get("hours").asText()).isEqualTo("1.00");
		}
	}

	@Test
	void aPurchaseOrderOverItsThresholdShowsItsOpenAlert() {
		String project = f.project("Alerting", f.lead.id(), null);
		String order = f.purchaseOrder(project, "PO-X-" + f.unique, "100.00", "Main");
		JsonNode entry = f.time(f.staff, project, NOV_2, 1);
		assertThat(entry.get("alerts")).hasSize(1);

		JsonNode lead = dashboard(f.lead.client(api));
		JsonNode line = row(lead, project);
		assertThat(line.get("poUsedPercent").asText()).isEqualTo("100.00");
		assertThat(line.get("poAlertState").asText()).isEqualTo("ALERT");
		assertThat(line.get("openAlerts").asInt()).isEqualTo(1);
		assertThat(lead.get("alerts")).anySatisfy(a -> {
			assertThat(a.get("projectId").asText()).isEqualTo(project);
			assertThat(a.get("poNumber").asText()).isEqualTo("PO-X-" + f.unique);
			assertThat(a.get("percent").asText()).isEqualTo("100.00");
		});

		// once the manager records the follow-up, the alert is resolved; the order stays over the line
		jdbc.sql("update po_alert set outcome = 'PO_INCREASED' where purchase_order_id = ?").param(Long.valueOf(order))
			.update();
		JsonNode after = row(dashboard(f.lead.client(api)), project);
		assertThat(after.get("poAlertState").asText()).isEqualTo("OVER");
		assertThat(after.get("openAlerts").asInt()).isZero();
	}

	@Test
	void projectsSortOnTheServerAndABadSortIsA400NamingIt() {
		String small = f.project("Sort small", f.lead.id(), null);
		String large = f.project("Sort large", f.lead.id(), null);
		f.time(f.staff, small, NOV_2, 1);
		f.time(f.staff, large, NOV_2, 4);

		List<String> byNotBilled = projectIds(f.lead.client(api).get("/api/v1/dashboard?sort=notBilled&dir=desc").json());
		assertThat(byNotBilled.indexOf(large)).isLessThan(byNotBilled.indexOf(small));
		List<String> ascending = projectIds(f.lead.client(api).get("/api/v1/dashboard?sort=notBilled&dir=asc").json());
		assertThat(ascending.indexOf(small)).isLessThan(ascending.indexOf(large));

		Api.Response bad = f.lead.client(api).get("/api/v1/dashboard?sort=cost");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).contains("problem+json");
		assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("sort");
		assertThat(api.anonymous().get("/api/v1/dashboard").status()).isEqualTo(401);
	}

	@Test
	void auditorsHaveNoWeekNorTimer() {
		JsonNode auditor = dashboard(TestUsers.create(jdbc, "AUDITOR").client(api));
		assertThat(auditor.has("week")).isFalse();
		assertThat(auditor.has("runningTimer")).isFalse();
		assertThat(auditor.get("projects")).isEmpty();
		assertThat(auditor.has("alerts")).isFalse();
	}

	@Test
	void theAlertsSectionIsThereForEveryoneWithAProjectListEvenWhenEmpty() {
		TestUsers.TestUser newManager = TestUsers.create(jdbc, "MANAGER");
		JsonNode manager = dashboard(newManager.client(api));
		assertThat(manager.get("projects")).isEmpty();
		assertThat(manager.get("alerts")).isNotNull().isEmpty();
		// the home page renders for a role without the section
		Api.Response home = f.staff.client(api).get("/");
		assertThat(home.status()).as(home.toString()).isEqualTo(200);
		assertThat(home.body()).doesNotContain("po-alerts-title");
	}
}
