package com.nexustime.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.people.WorkingHours;
import com.nexustime.support.Api;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/reports/utilization}: a manager with a part-time (20 h) and a full-time report, a person of
 * another team, over Thursday 2018-03-01 to Tuesday 2018-03-06 (a weekend inside: four working days).
 */
class UtilizationApiTest extends IntegrationTest {

	private static final LocalDate THURSDAY = LocalDate.of(2018, 3, 1);

	private static final LocalDate TUESDAY = LocalDate.of(2018, 3, 6);

	@Autowired
	WorkingHours workingHours;

	private TestUsers.TestUser manager;

	private TestUsers.TestUser partTime;

	private TestUsers.TestUser fullTime;

	private TestUsers.TestUser otherTeam;

	private ReportFixture f;

	@BeforeEach
	void team() {
		f = new ReportFixture(api, admin(), jdbc);
		manager = TestUsers.create(jdbc, "MANAGER", "STAFF");
		partTime = TestUsers.create(jdbc, "STAFF");
		fullTime = TestUsers.create(jdbc, "STAFF");
		otherTeam = TestUsers.create(jdbc, "STAFF");
		jdbc.sql("update app_user set manager_id = ?, weekly_hours = 20 where id = ?").params(manager.id(), partTime.id())
			.update();
		jdbc.sql("update app_user set manager_id = ? where id = ?").params(manager.id(), fullTime.id()).update();
		name(manager, "Util A manager");
		name(partTime, "Util B part-time");
		name(fullTime, "Util C full-time");
		name(otherTeam, "Util D other team");
		// part-time: 8 billable hours on Thursday, 2 non-billable on Saturday; full-time: 4 billable hours on Monday
		f.time(partTime, f.a1, THURSDAY, 480, "100.00", true);
		f.time(partTime, f.a1, THURSDAY.plusDays(2), 120, "100.00", false);
		f.time(fullTime, f.b1, THURSDAY.plusDays(4), 240, "150.00", true);
		f.time(otherTeam, f.b1, THURSDAY, 60, "150.00", true);
	}

	private void name(TestUsers.TestUser user, String name) {
		jdbc.sql("update app_user set name = ? where id = ?").params(name + " " + f.unique, user.id()).update();
	}

	private JsonNode utilization(Api.Client who, String parameters) {
		Api.Response response = who.get("/api/v1/reports/utilization?from=" + THURSDAY + "&to=" + TUESDAY + parameters);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	/** The rows as "name: capacity/hours/billable/utilization". */
	private List<String> rows(JsonNode report) {
		List<String> rows = new ArrayList<>();
		report.get("rows").forEach(r -> {
			if (r.get("name").asText().startsWith("Util ") && r.get("name").asText().endsWith(f.unique)) {
				rows.add(r.get("name").asText().replace(" " + f.unique, "") + ": " + r.get("capacityHours").asText()
						+ "/" + r.get("hours").asText() + "/" + r.get("billableHours").asText() + "/"
						+ (r.get("utilization").isNull() ? "null" : r.get("utilization").asText()));
			}
		});
		return rows;
	}

	private String fullTimeCapacity() {
		// the full-time capacity follows the workspace's weekly hours: ÷ 5 × 4 working days
		return workingHours.workspaceWeeklyHours().multiply(BigDecimal.valueOf(4))
			.divide(BigDecimal.valueOf(5), 2, java.math.RoundingMode.HALF_UP).toPlainString();
	}

	@Test
	void aManagerSeesTheirReportsWithCapacityFromWorkingDaysAndWeeklyHours() {
		JsonNode report = utilization(manager.client(api), "");
		String capacity = fullTimeCapacity();
		String fullTimeUse = new BigDecimal("4.00").divide(new BigDecimal(capacity), 2, java.math.RoundingMode.HALF_UP)
			.toPlainString();
		assertThat(rows(report)).containsExactly("Util A manager: " + capacity + "/0.00/0.00/0.00",
				"Util B part-time: 16.00/10.00/8.00/0.50",
				"Util C full-time: " + capacity + "/4.00/4.00/" + fullTimeUse);
		assertThat(report.get("workingDays").asInt()).isEqualTo(4);
		assertThat(report.get("rows").size()).isEqualTo(3);
		Confidential.assertNoCostFields(report);
	}

	@Test
	void anAdminSeesEveryoneAndMayNarrowToOnePerson() {
		JsonNode everyone = utilization(admin(), "");
		assertThat(rows(everyone)).hasSize(4).anyMatch(r -> r.startsWith("Util D other team: "));
		JsonNode one = utilization(admin(), "&userId=" + otherTeam.id());
		assertThat(rows(one)).containsExactly("Util D other team: " + fullTimeCapacity() + "/1.00/1.00/"
				+ BigDecimal.ONE.divide(new BigDecimal(fullTimeCapacity()), 2, java.math.RoundingMode.HALF_UP).toPlainString());
	}

	@Test
	void peopleWhoDoNotTrackTimeAreLeftOutUnlessTheyBookedInThePeriod() {
		TestUsers.TestUser auditor = TestUsers.create(jdbc, "AUDITOR");
		TestUsers.TestUser adminOnly = TestUsers.create(jdbc, "ADMIN");
		TestUsers.TestUser adminWhoBooked = TestUsers.create(jdbc, "ADMIN");
		jdbc.sql("update app_user set weekly_hours = 30 where id in (?, ?, ?)")
			.params(auditor.id(), adminOnly.id(), adminWhoBooked.id()).update();
		name(auditor, "Util E auditor");
		name(adminOnly, "Util F admin only");
		name(adminWhoBooked, "Util G admin who booked");
		f.time(adminWhoBooked, f.a1, TUESDAY, 60, "100.00", true);

		JsonNode everyone = utilization(admin(), "");
		// 30 h a week ÷ 5 × 4 working days = 24 h of capacity, 1 billable hour
		assertThat(rows(everyone)).contains("Util G admin who booked: 24.00/1.00/1.00/0.04")
			.noneMatch(r -> r.startsWith("Util E auditor") || r.startsWith("Util F admin only"));
		assertThat(rows(utilization(auditor.client(api), ""))).hasSize(5)
			.noneMatch(r -> r.startsWith("Util E auditor") || r.startsWith("Util F admin only"));
	}

	@Test
	void staffSeeOnlyThemselves() {
		JsonNode own = utilization(partTime.client(api), "");
		assertThat(rows(own)).containsExactly("Util B part-time: 16.00/10.00/8.00/0.50");
		assertThat(own.get("rows").size()).isEqualTo(1);
		assertThat(own.get("ownRowOnly").asBoolean()).isTrue();
		Confidential.assertNoCostFields(own);
		// asking for a colleague answers nothing about them
		assertThat(utilization(partTime.client(api), "&userId=" + fullTime.id()).get("rows").size()).isZero();
	}

	@Test
	void filtersNarrowTheHoursNotTheCapacity() {
		JsonNode billableOnly = utilization(manager.client(api), "&billable=true");
		assertThat(rows(billableOnly)).contains("Util B part-time: 16.00/8.00/8.00/0.50");
		JsonNode clientB = utilization(manager.client(api), "&contactId=" + f.clientB);
		assertThat(rows(clientB)).contains("Util B part-time: 16.00/0.00/0.00/0.00");
	}

	@Test
	void aWeekendHasNoCapacityAndNoUtilization() {
		Api.Response response = partTime.client(api).get("/api/v1/reports/utilization?from=2018-03-03&to=2018-03-04");
		JsonNode row = response.json().get("rows").get(0);
		assertThat(row.get("capacityHours").asText()).isEqualTo("0.00");
		assertThat(row.get("hours").asText()).isEqualTo("2.00");
		assertThat(row.get("utilization").isNull()).isTrue();
	}

	@Test
	void aWholeMonthReadsTheRollupAndAgreesWithTheEntries() {
		// March 2018 whole: read through the monthly rollup; the days one by one would give the same hours
		Api.Response month = partTime.client(api).get("/api/v1/reports/utilization?from=2018-03-01&to=2018-03-31");
		JsonNode row = month.json().get("rows").get(0);
		assertThat(row.get("hours").asText()).isEqualTo("10.00");
		assertThat(row.get("billableHours").asText()).isEqualTo("8.00");
		// 22 working days in March 2018 at 20 h a week
		assertThat(month.json().get("workingDays").asInt()).isEqualTo(22);
		assertThat(row.get("capacityHours").asText()).isEqualTo("88.00");
		assertThat(row.get("utilization").asText()).isEqualTo("0.09");
	}

	@Test
	void aBadPeriodIsRefusedByField() {
		Api.Response response = admin().get("/api/v1/reports/utilization?from=2018-03-06&to=2018-03-01");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("from");
	}
}
