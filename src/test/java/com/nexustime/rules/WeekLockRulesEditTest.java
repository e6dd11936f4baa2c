package com.nexustime.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.EditedRules;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process owner removes a rule from {@code week-locking.drl} and leaves a question no rule decides: the change
 * is refused with a 409 that says so, never a 500; the grid and the pages keep working.
 */
class WeekLockRulesEditTest extends IntegrationTest {

	private static final LocalDate MONDAY = LocalDate.of(2025, 6, 2);

	private static final String OPEN_WEEK_RULE = """
			rule "Open entries of an open week are editable by everyone"
			    ruleflow-group "week-locking"
			    salience 10
			when
			    not LockDecision( )
			    LockQuestion( entryStatus == "OPEN", weekState == "OPEN" )
			then
			    insert( LockDecision.allow( ) );
			end
			""";

	private final String unique = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void aRemovedRuleLeavesARefusalNotAnError() {
		String contact = id(admin().post("/api/v1/contacts", Map.of("name", "Lock client " + unique, "email",
				"l@example.com")));
		String project = id(admin().post("/api/v1/projects", Map.of("name", "Lock project " + unique, "contactId",
				contact, "type", "STANDARD", "billingMode", "HOURLY")));
		String activity = id(admin().post("/api/v1/activities", Map.of("name", "Lock design " + unique, "category",
				"DESIGN_CREATIVE", "billable", true)));
		TestUsers.TestUser person = TestUsers.create(jdbc, "STAFF");
		Api.Client staff = person.client(api);
		Map<String, Object> entry = Map.of("type", "ACTIVITY", "projectId", project, "activityId", activity, "date",
				MONDAY.toString(), "minutes", 60);
		String kept = id(staff.post("/api/v1/time-entries", entry));

		try (EditedRules edited = EditedRules.replace(admin(), "week-locking.drl", OPEN_WEEK_RULE, "")) {
			Api.Response created = staff.post("/api/v1/time-entries", entry);
			assertThat(created.status()).as(created.toString()).isEqualTo(409);
			assertThat(created.contentType()).startsWith("application/problem+json");
			assertThat(created.json().get("detail").asText()).startsWith("no locking rule decided about this change");

			Api.Response changed = staff.patch("/api/v1/time-entries/" + kept, Map.of("minutes", 30));
			assertThat(changed.status()).as(changed.toString()).isEqualTo(409);
			assertThat(changed.json().get("detail").asText()).contains("no locking rule decided");

			// the grid shows the week, every cell locked, and refuses a save the same way
			Api.Response grid = staff.get("/api/v1/timesheets/" + MONDAY);
			assertThat(grid.status()).as(grid.toString()).isEqualTo(200);
			Api.Response saved = staff.put("/api/v1/timesheets/" + MONDAY, Map.of("rows", List.of(Map.of(
					"projectId", project, "activityId", activity, "hours", List.of("2", "", "", "", "", "", "")))));
			assertThat(saved.status()).as(saved.toString()).isEqualTo(409);
			assertThat(saved.json().get("detail").asText()).contains("no locking rule decided");

			assertThat(staff.get("/api/v1/time-entries/" + kept).status()).isEqualTo(200);
		}
		assertThat(staff.patch("/api/v1/time-entries/" + kept, Map.of("minutes", 30)).status()).isEqualTo(200);
	}

	private static String id(Api.Response created) {
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asText();
	}
}
