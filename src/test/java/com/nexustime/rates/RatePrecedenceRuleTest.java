package com.nexustime.rates;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.rules.RateCandidate;
import com.nexustime.support.Api;
import com.nexustime.support.EditedRules;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which rate prices an entry is decided by rules/rate-precedence.drl alone: the look-up hands the rules every rate
 * that could concern the entry (future ones, other users' and other projects' for its activity), and an edited
 * precedence changes what the API save, the weekly grid and the timer charge.
 */
class RatePrecedenceRuleTest extends IntegrationTest {

	private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

	private static final LocalDate WEDNESDAY = MONDAY.plusDays(2);

	private final String unique = UUID.randomUUID().toString().substring(0, 8);

	private long project;

	private long otherProject;

	private long design;

	private TestUsers.TestUser staff;

	private TestUsers.TestUser otherStaff;

	@BeforeEach
	void setUp() {
		long contact = jdbc.sql("insert into contact (name, email) values (?, 'c@example.com') returning id")
			.param("Rates client " + unique).query(Long.class).single();
		project = project("Rates " + unique, contact);
		otherProject = project("Other rates " + unique, contact);
		design = jdbc.sql("insert into activity (name, category) values (?, 'DESIGN_CREATIVE') returning id")
			.param("Design " + unique).query(Long.class).single();
		staff = TestUsers.create(jdbc, "STAFF");
		otherStaff = TestUsers.create(jdbc, "STAFF");
	}

	private long project(String name, long contact) {
		return jdbc.sql("insert into project (name, contact_id, type) values (?, ?, 'STANDARD') returning id")
			.params(name, contact).query(Long.class).single();
	}

	private long rate(String scope, Long userId, Long projectId, Long activityId, String hourly, LocalDate from) {
		return jdbc.sql("""
				insert into rate (scope, user_id, project_id, activity_id, hourly_rate, effective_from)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(scope, userId, projectId, activityId, new BigDecimal(hourly), from).query(Long.class).single();
	}

	private JsonNode apiSave(LocalDate date) {
		Api.Response saved = staff.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY", "projectId",
				project, "activityId", design, "date", date.toString(), "minutes", 60));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
		return saved.json();
	}

	/** The weekly grid saves one hour on Monday; answers the stored entry's rate and amount. */
	private Map<String, Object> gridSave() {
		Api.Response saved = staff.client(api).put("/api/v1/timesheets/" + MONDAY, Map.of("rows", List.of(Map.of(
				"projectId", project, "activityId", design, "hours", List.of("1", "", "", "", "", "", "")))));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		return jdbc.sql("""
				select rate, rate_source, amount from time_entry
				 where user_id = ? and entry_date = ? and project_id = ? order by id desc limit 1""")
			.params(staff.id(), MONDAY, project).query().singleRow();
	}

	/** A timer started an hour and a half ago, stopped after 60 minutes; answers the entry. */
	private JsonNode timerStop() {
		Api.Client client = staff.client(api);
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(90));
		Api.Response started = client.post("/api/v1/timer", Map.of("projectId", project, "activityId", design,
				"startedAt", start.toString()));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		Api.Response stopped = client.post("/api/v1/timer/stop", Map.of("end", start.plus(Duration.ofMinutes(60))
			.toString()));
		assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
		return stopped.json();
	}

	@Test
	void theApiTheGridAndTheTimerFollowAnEditedPrecedence() {
		rate("PROJECT", null, project, null, "100.00", LocalDate.of(2020, 1, 1));
		rate("USER", staff.id(), null, design, "70.00", LocalDate.of(2020, 1, 1));

		// shipped: the project's rate comes before the user's rate for the activity
		JsonNode shipped = apiSave(WEDNESDAY);
		assertThat(shipped.get("rate").asText()).isEqualTo("100.00");
		assertThat(shipped.get("rateSource").asText()).isEqualTo("PROJECT");

		// edited: the project's rate for any activity drops below the user's rate for the activity
		try (EditedRules edited = EditedRules.replace(admin(), "rate-precedence.drl", "    salience 50\n",
				"    salience 35\n")) {
			JsonNode api = apiSave(WEDNESDAY.plusDays(1));
			assertThat(api.get("rate").asText()).isEqualTo("70.00");
			assertThat(api.get("amount").asText()).isEqualTo("70.00");
			assertThat(api.get("rateSource").asText()).isEqualTo("USER_ACTIVITY");

			Map<String, Object> grid = gridSave();
			assertThat(grid.get("rate").toString()).isEqualTo("70.00");
			assertThat(grid.get("amount").toString()).isEqualTo("70.00");
			assertThat(grid.get("rate_source")).isEqualTo("USER_ACTIVITY");

			JsonNode timer = timerStop();
			assertThat(timer.get("rate").asText()).isEqualTo("70.00");
			assertThat(timer.get("amount").asText()).isEqualTo("70.00");
		}
		JsonNode timer = timerStop();
		assertThat(timer.get("amount").asText()).isEqualTo("100.00");
	}

	@Test
	void futureOtherUsersAndOtherProjectsRatesReachTheRulesWhichSetThemAside() {
		long future = rate("PROJECT", null, project, design, "150.00", LocalDate.of(2099, 1, 1));
		long otherProjects = rate("PROJECT", null, otherProject, design, "160.00", LocalDate.of(2020, 1, 1));
		long otherUsers = rate("USER", otherStaff.id(), null, design, "140.00", LocalDate.of(2020, 1, 1));
		long own = rate("USER", staff.id(), null, null, "90.00", LocalDate.of(2020, 1, 1));

		List<Long> handed = context.getBean(RateLookup.class).candidates(staff.id(), project, design).stream()
			.map(RateCandidate::id).toList();
		assertThat(handed).contains(future, otherProjects, otherUsers, own);

		// shipped: each of the three is set aside by its own rule; the user's own rate for any activity prices
		JsonNode shipped = apiSave(WEDNESDAY);
		assertThat(shipped.get("rate").asText()).isEqualTo("90.00");
		assertThat(shipped.get("rateSource").asText()).isEqualTo("USER");

		// each rule, switched off in the file, lets its rate through: the rules, not the query, set them aside
		try (EditedRules edited = EditedRules.replace(admin(), "rate-precedence.drl", "RateQuestion( $date : date )",
				"RateQuestion( $date : date, userId < 0 )")) {
			assertThat(apiSave(WEDNESDAY.plusDays(1)).get("rate").asText()).isEqualTo("150.00");
		}
		try (EditedRules edited = EditedRules.replace(admin(), "rate-precedence.drl",
				"RateCandidate( scope == \"PROJECT\", projectId != $projectId )",
				"RateCandidate( scope == \"PROJECT\", projectId != $projectId, projectId < 0 )")) {
			assertThat(apiSave(WEDNESDAY.plusDays(2)).get("rate").asText()).isEqualTo("160.00");
		}
		try (EditedRules edited = EditedRules.replace(admin(), "rate-precedence.drl",
				"RateCandidate( scope == \"USER\", userId != $userId )",
				"RateCandidate( scope == \"USER\", userId != $userId, userId < 0 )")) {
			JsonNode otherUsersRate = apiSave(WEDNESDAY.plusDays(3));
			assertThat(otherUsersRate.get("rate").asText()).isEqualTo("140.00");
			assertThat(otherUsersRate.get("rateSource").asText()).isEqualTo("USER_ACTIVITY");
		}
	}
}
