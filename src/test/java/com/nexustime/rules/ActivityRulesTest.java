package com.nexustime.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.nexustime.workflow.DataFolder;

import static org.assertj.core.api.Assertions.assertThat;

/** The availability rules as written in {@code rules/}, compiled and evaluated without Spring. */
class ActivityRulesTest {

	private static ActivityRules rules;

	private static final ActivityOption DESIGN = new ActivityOption(1, "DESIGN_CREATIVE", null, true);

	private static final ActivityOption MANAGEMENT = new ActivityOption(2, "MANAGEMENT", null, true);

	private static final ActivityOption PER_PIECE = new ActivityOption(3, "PER_PIECE", null, true);

	private static final ActivityOption FIXED_COST = new ActivityOption(4, "FIXED_COST", null, true);

	private static final ActivityOption BUDGET = new ActivityOption(5, "BUDGET", null, true);

	private static final ActivityOption ACME_DESIGN = new ActivityOption(6, "DESIGN_CREATIVE", "Acme", true);

	private static final ActivityOption RETIRED = new ActivityOption(7, "DESIGN_CREATIVE", null, false);

	private static final List<ActivityOption> ALL = List.of(DESIGN, MANAGEMENT, PER_PIECE, FIXED_COST, BUDGET,
			ACME_DESIGN, RETIRED);

	@BeforeAll
	static void compileRules() {
		rules = new ActivityRules(new RuleBook(DataFolder.directory(Path.of("rules")), Clock.systemUTC()));
	}

	@Test
	void standardProjectOffersEveryActiveUnrestrictedActivity() {
		ProjectFacts project = new ProjectFacts(10, "STANDARD", "ACTIVE", null);
		assertThat(rules.available(project, ALL)).containsExactly(1L, 2L, 3L, 4L, 5L);
	}

	@Test
	void perPieceAndElectronicProjectsExcludeManagement() {
		for (String type : List.of("PER_PIECE", "ELECTRONIC")) {
			ProjectFacts project = new ProjectFacts(11, type, "ACTIVE", null);
			assertThat(rules.available(project, ALL)).as(type).containsExactly(1L, 3L, 4L, 5L);
			assertThat(rules.refusal(project, MANAGEMENT)).as(type).get().asString().contains("management");
		}
	}

	@Test
	void managementOnElectronicIsRefusedWithTheProjectType() {
		ProjectFacts electronic = new ProjectFacts(12, "ELECTRONIC", "ACTIVE", null);
		assertThat(rules.refusal(electronic, MANAGEMENT))
			.contains("management activities are not booked on electronic projects");
	}

	@Test
	void corporationRestrictedActivityOnlyOnThatCorporationsProjects() {
		ProjectFacts acme = new ProjectFacts(13, "STANDARD", "ACTIVE", "Acme");
		ProjectFacts globex = new ProjectFacts(14, "STANDARD", "ACTIVE", "Globex");
		ProjectFacts noCorporation = new ProjectFacts(15, "STANDARD", "ACTIVE", "  ");

		assertThat(rules.refusal(acme, ACME_DESIGN)).isEmpty();
		assertThat(rules.refusal(globex, ACME_DESIGN)).contains("the activity is reserved for projects of Acme");
		assertThat(rules.refusal(noCorporation, ACME_DESIGN)).isPresent();
		// unrestricted activities stay available on a corporation's project
		assertThat(rules.available(acme, ALL)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
	}

	@Test
	void inactiveActivityIsNeverOffered() {
		for (String type : List.of("STANDARD", "PER_PIECE", "ELECTRONIC")) {
			ProjectFacts project = new ProjectFacts(16, type, "ACTIVE", null);
			assertThat(rules.refusal(project, RETIRED)).as(type).contains("the activity is inactive");
		}
		ActivityOption retiredAcme = new ActivityOption(8, "DESIGN_CREATIVE", "Acme", false);
		assertThat(rules.refusal(new ProjectFacts(17, "STANDARD", "ACTIVE", "Acme"), retiredAcme))
			.contains("the activity is inactive");
	}

	@Test
	void projectThatIsNotActiveOffersNothing() {
		for (String status : List.of("CLOSED", "OBSOLETE", "ARTWORK_COMPLETE")) {
			ProjectFacts project = new ProjectFacts(18, "STANDARD", status, null);
			assertThat(rules.available(project, ALL)).as(status).isEmpty();
		}
		assertThat(rules.refusal(new ProjectFacts(19, "STANDARD", "CLOSED", null), DESIGN))
			.contains("the project is closed and accepts no time");
	}

	@Test
	void severalReasonsAreReportedMostFundamentalFirst() {
		ProjectFacts closedElectronic = new ProjectFacts(20, "ELECTRONIC", "CLOSED", "Globex");
		ActivityOption retiredAcmeManagement = new ActivityOption(9, "MANAGEMENT", "Acme", false);

		assertThat(rules.refusals(closedElectronic, List.of(retiredAcmeManagement)).get(9L)).isEqualTo(
				"the project is closed and accepts no time; the activity is inactive; "
						+ "management activities are not booked on electronic projects; "
						+ "the activity is reserved for projects of Acme");
	}

	@Test
	void refusalsIterateInTheCandidatesOrder() {
		ProjectFacts project = new ProjectFacts(21, "PER_PIECE", "ACTIVE", null);
		assertThat(rules.refusals(project, List.of(RETIRED, MANAGEMENT, ACME_DESIGN)).keySet())
			.containsExactly(7L, 2L, 6L);
		assertThat(rules.refusals(project, List.of())).isEmpty();
	}
}
