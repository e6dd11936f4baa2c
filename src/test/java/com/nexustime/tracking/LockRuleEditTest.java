package com.nexustime.tracking;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.EditedRules;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process owner edits {@code week-locking.drl}, and the API, the weekly grid and the entry page follow it: a
 * REJECTED week reaches the rules as REJECTED, the OPEN branch decides open weeks, and adjustments are refused
 * by the rule alone.
 */
class LockRuleEditTest extends IntegrationTest {

	private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

	private static final String WEEK = "/api/v1/timesheets/";

	private static final String ALLOW = "then\n    insert( LockDecision.allow( ) );";

	private static final String REJECTED_BRANCH = "LockQuestion( entryStatus == \"OPEN\", weekState == \"REJECTED\" )\n";

	private static final String OPEN_BRANCH = "LockQuestion( entryStatus == \"OPEN\", weekState == \"OPEN\" )\n";

	private TrackingFixture f;

	private Api.Client staff;

	@BeforeEach
	void fixture() {
		f = new TrackingFixture(jdbc);
		staff = f.staff.client(api);
	}

	@Test
	void aRejectedWeekReachesTheRulesAsRejected() {
		f.weekStatus(f.staff.id(), MONDAY, "REJECTED");
		String reason = "a rejected week waits until its owner has read the comment";
		try (EditedRules edited = EditedRules.replace(admin(), "week-locking.drl", REJECTED_BRANCH + ALLOW,
				REJECTED_BRANCH + "then\n    insert( LockDecision.refuse( \"" + reason + "\" ) );")) {
			var entry = staff.post("/api/v1/time-entries", activity(MONDAY));
			assertThat(entry.status()).as(entry.toString()).isEqualTo(409);
			assertThat(entry.contentType()).contains("application/problem+json");
			assertThat(entry.json().get("detail").asText()).contains(reason);

			var grid = staff.put(WEEK + MONDAY, Map.of("rows", List.of(row())));
			assertThat(grid.status()).as(grid.toString()).isEqualTo(409);
			assertThat(grid.json().get("detail").asText()).contains(reason);

			staff.post(WEEK + MONDAY + "/rows", Map.of("projectId", f.project, "activityId", f.design));
			var shown = staff.get(WEEK + MONDAY).json();
			shown.get("rows").get(0).get("locked").forEach(cell -> assertThat(cell.asBoolean()).isTrue());

			// the open week next to it is decided by its own branch
			var nextWeek = staff.post("/api/v1/time-entries", activity(MONDAY.plusWeeks(1)));
			assertThat(nextWeek.status()).as(nextWeek.toString()).isEqualTo(201);
		}
		// as shipped, a rejected week is back with its owner
		assertThat(staff.post("/api/v1/time-entries", activity(MONDAY)).status()).isEqualTo(201);
	}

	@Test
	void aRuleAddedForRejectedWeeksFiresBecauseNothingMapsTheStateAway() {
		f.weekStatus(f.staff.id(), MONDAY, "REJECTED");
		String reason = "rejected weeks are corrected by the manager in this workspace";
		try (EditedRules added = EditedRules.put(admin(), "rejected-weeks.drl", """
				package com.nexustime.rules.weeklocking.test
				import com.nexustime.rules.LockQuestion
				import com.nexustime.rules.LockDecision
				import com.nexustime.rules.Actor
				rule "Only the manager changes a rejected week"
				    ruleflow-group "week-locking"
				    salience 65
				when
				    not LockDecision( )
				    LockQuestion( weekState == "REJECTED", actor == Actor.OWNER )
				then
				    insert( LockDecision.refuse( "%s" ) );
				end
				""".formatted(reason))) {
			var entry = staff.post("/api/v1/time-entries", activity(MONDAY));
			assertThat(entry.status()).as(entry.toString()).isEqualTo(409);
			assertThat(entry.json().get("detail").asText()).isEqualTo(reason);
			var grid = staff.put(WEEK + MONDAY, Map.of("rows", List.of(row())));
			assertThat(grid.status()).as(grid.toString()).isEqualTo(409);
			assertThat(grid.json().get("detail").asText()).contains(reason);
			var byManager = f.manager.client(api).post("/api/v1/time-entries", withOwner(activity(MONDAY)));
			assertThat(byManager.status()).as(byManager.toString()).isEqualTo(201);
		}
	}

	@Test
	void theOpenBranchDecidesOpenWeeksOnEverySurface() {
		LocalDate today = LocalDate.now(ZoneId.of(jdbc.sql("select time_zone from workspace").query(String.class)
			.optional().orElse("UTC")));
		var before = staff.post("/api/v1/time-entries", activity(today));
		assertThat(before.status()).as(before.toString()).isEqualTo(201);
		String id = before.json().get("id").asText();
		assertThat(staff.get("/time").body()).contains("/time/" + id + "/delete");

		String reason = "open weeks are frozen while the books are audited";
		try (EditedRules edited = EditedRules.replace(admin(), "week-locking.drl", OPEN_BRANCH + ALLOW,
				OPEN_BRANCH + "then\n    insert( LockDecision.refuse( \"" + reason + "\" ) );")) {
			var entry = staff.post("/api/v1/time-entries", activity(MONDAY));
			assertThat(entry.status()).as(entry.toString()).isEqualTo(409);
			assertThat(entry.json().get("detail").asText()).contains(reason);

			var grid = staff.put(WEEK + MONDAY, Map.of("rows", List.of(row())));
			assertThat(grid.status()).as(grid.toString()).isEqualTo(409);
			assertThat(grid.json().get("detail").asText()).contains(reason);

			assertThat(staff.delete("/api/v1/time-entries/" + id).status()).isEqualTo(409);
			// the entry page offers no Delete the rules would refuse
			assertThat(staff.get("/time").body()).doesNotContain("/time/" + id + "/delete");
		}
		assertThat(staff.get("/time").body()).contains("/time/" + id + "/delete");
	}

	@Test
	void adjustmentsAreRefusedByTheRuleAloneAndAnEditedRuleLetsStaffMakeThem() {
		Map<String, Object> adjustment = Map.of("type", "ADJUSTMENT", "projectId", f.project,
				"date", MONDAY.toString(), "amount", "-25.00", "notes", "Goodwill credit");
		var refused = staff.post("/api/v1/time-entries", adjustment);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.json().get("detail").asText()).isEqualTo("adjustments are admin-only");
		assertThat(staff.get("/time").body()).doesNotContain("value=\"ADJUSTMENT\"");

		try (EditedRules edited = EditedRules.replace(admin(), "week-locking.drl",
				"LockQuestion( entryType == \"ADJUSTMENT\", actor != Actor.ADMIN )",
				"LockQuestion( entryType == \"ADJUSTMENT\", actor == Actor.MANAGER )")) {
			var created = staff.post("/api/v1/time-entries", adjustment);
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			assertThat(created.json().get("amount").asText()).isEqualTo("-25.00");
			assertThat(staff.get("/time").body()).contains("value=\"ADJUSTMENT\"");
		}
	}

	@Test
	void someoneWhoDoesNotBookTimeIsNoOwnerOfTheirWeekOnAnySurface() {
		// an auditor with time booked for them by an admin: the grid and the project's list agree it is read-only
		var auditor = com.nexustime.support.TestUsers.create(jdbc, "AUDITOR");
		Map<String, Object> body = activity(MONDAY);
		body.put("userId", auditor.id());
		assertThat(admin().post("/api/v1/time-entries", body).status()).isEqualTo(201);

		var grid = auditor.client(api).get(WEEK + MONDAY);
		assertThat(grid.status()).as(grid.toString()).isEqualTo(200);
		grid.json().get("rows").get(0).get("locked").forEach(cell -> assertThat(cell.asBoolean()).isTrue());
		assertThat(auditor.client(api).put(WEEK + MONDAY, Map.of("rows", List.of(row()))).status()).isEqualTo(403);
	}

	private Map<String, Object> activity(LocalDate date) {
		Map<String, Object> body = new HashMap<>();
		body.put("type", "ACTIVITY");
		body.put("projectId", f.project);
		body.put("activityId", f.design);
		body.put("date", date.toString());
		body.put("minutes", 30);
		return body;
	}

	private Map<String, Object> withOwner(Map<String, Object> body) {
		body.put("userId", f.staff.id());
		return body;
	}

	private Map<String, Object> row() {
		return Map.of("projectId", f.project, "activityId", f.design, "hours", List.of("1", "", "", "", "", "", ""));
	}
}
