package com.nexustime.rules;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.nexustime.workflow.DataFolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rate-precedence rules as written in {@code rules/}, compiled and evaluated without Spring. */
class RateRulesTest {

	private static final long ALICE = 1;

	private static final long BOB = 2;

	private static final long BRANDING = 10;

	private static final long WEBSITE = 11;

	private static final long DESIGN = 20;

	private static final long MANAGEMENT = 21;

	private static final LocalDate ENTRY_DATE = LocalDate.of(2025, 3, 12);

	private static final LocalDate LONG_AGO = LocalDate.of(1970, 1, 1);

	private static final RateQuestion ALICE_DESIGNS_BRANDING = new RateQuestion(ALICE, BRANDING, DESIGN, ENTRY_DATE,
			new BigDecimal("50"));

	private static RateRules rules;

	@BeforeAll
	static void compileRules() {
		rules = new RateRules(new RuleBook(DataFolder.directory(Path.of("rules")), Clock.systemUTC()));
	}

	private static RateCandidate workspace(long id, String rate) {
		return new RateCandidate(id, "WORKSPACE", null, null, null, new BigDecimal(rate), LONG_AGO);
	}

	private static RateCandidate user(long id, long userId, Long activityId, String rate, LocalDate from) {
		return new RateCandidate(id, "USER", userId, null, activityId, new BigDecimal(rate), from);
	}

	private static RateCandidate project(long id, long projectId, Long activityId, String rate, LocalDate from) {
		return new RateCandidate(id, "PROJECT", null, projectId, activityId, new BigDecimal(rate), from);
	}

	/** Every level present; removing the best one at a time walks down the precedence. */
	@Test
	void eachLevelBeatsTheOnesBelowIt() {
		List<RateCandidate> candidates = new ArrayList<>(List.of(workspace(1, "60"),
				user(2, ALICE, null, "70", LONG_AGO), user(3, ALICE, DESIGN, "80", LONG_AGO),
				project(4, BRANDING, null, "90", LONG_AGO), project(5, BRANDING, DESIGN, "100", LONG_AGO)));

		assertThat(rules.resolve(ALICE_DESIGNS_BRANDING, candidates))
			.isEqualTo(new RateAnswer(new BigDecimal("100.00"), "PROJECT_ACTIVITY", 5L));
		candidates.remove(4);
		assertThat(rules.resolve(ALICE_DESIGNS_BRANDING, candidates))
			.isEqualTo(new RateAnswer(new BigDecimal("90.00"), "PROJECT", 4L));
		candidates.remove(3);
		assertThat(rules.resolve(ALICE_DESIGNS_BRANDING, candidates))
			.isEqualTo(new RateAnswer(new BigDecimal("80.00"), "USER_ACTIVITY", 3L));
		candidates.remove(2);
		assertThat(rules.resolve(ALICE_DESIGNS_BRANDING, candidates))
			.isEqualTo(new RateAnswer(new BigDecimal("70.00"), "USER", 2L));
		candidates.remove(1);
		assertThat(rules.resolve(ALICE_DESIGNS_BRANDING, candidates))
			.isEqualTo(new RateAnswer(new BigDecimal("60.00"), "WORKSPACE", 1L));
		candidates.remove(0);
		assertThat(rules.resolve(ALICE_DESIGNS_BRANDING, candidates))
			.isEqualTo(new RateAnswer(new BigDecimal("50.00"), "WORKSPACE_DEFAULT", null));
	}

	@Test
	void projectRateBeatsAUserRateSetForTheActivity() {
		var answer = rules.resolve(ALICE_DESIGNS_BRANDING,
				List.of(user(1, ALICE, DESIGN, "80", LONG_AGO), project(2, BRANDING, null, "90", LONG_AGO)));
		assertThat(answer.source()).isEqualTo("PROJECT");
		assertThat(answer.rateId()).isEqualTo(2L);
	}

	@Test
	void activitySpecificRateOnlyForThatActivity() {
		List<RateCandidate> candidates = List.of(user(1, ALICE, null, "70", LONG_AGO),
				user(2, ALICE, MANAGEMENT, "85", LONG_AGO), project(3, WEBSITE, DESIGN, "120", LONG_AGO));

		assertThat(rules.resolve(ALICE_DESIGNS_BRANDING, candidates).rateId()).isEqualTo(1L);
		var managing = new RateQuestion(ALICE, BRANDING, MANAGEMENT, ENTRY_DATE, BigDecimal.ZERO);
		assertThat(rules.resolve(managing, candidates))
			.isEqualTo(new RateAnswer(new BigDecimal("85.00"), "USER_ACTIVITY", 2L));
		// an entry without an activity takes only rates for any activity
		var noActivity = new RateQuestion(ALICE, BRANDING, null, ENTRY_DATE, BigDecimal.ZERO);
		assertThat(rules.resolve(noActivity, candidates).source()).isEqualTo("USER");
	}

	@Test
	void rateStartingTheDayAfterTheEntryIsIgnored() {
		List<RateCandidate> candidates = List.of(user(1, ALICE, null, "70", ENTRY_DATE.minusYears(1)),
				project(2, BRANDING, DESIGN, "100", ENTRY_DATE.plusDays(1)),
				user(3, ALICE, null, "75", ENTRY_DATE.plusDays(1)));

		assertThat(rules.resolve(ALICE_DESIGNS_BRANDING, candidates))
			.isEqualTo(new RateAnswer(new BigDecimal("70.00"), "USER", 1L));
	}

	@Test
	void rateStartingOnTheEntrysDateApplies() {
		var answer = rules.resolve(ALICE_DESIGNS_BRANDING,
				List.of(user(1, ALICE, null, "70", LONG_AGO), user(2, ALICE, null, "75", ENTRY_DATE)));
		assertThat(answer.rateId()).isEqualTo(2L);
	}

	@Test
	void latestEffectiveRateOfTheLevelWins() {
		List<RateCandidate> candidates = List.of(project(1, BRANDING, null, "90", LocalDate.of(2024, 1, 1)),
				project(2, BRANDING, null, "95", LocalDate.of(2025, 1, 1)),
				project(3, BRANDING, null, "85", LocalDate.of(2023, 1, 1)));

		assertThat(rules.resolve(ALICE_DESIGNS_BRANDING, candidates))
			.isEqualTo(new RateAnswer(new BigDecimal("95.00"), "PROJECT", 2L));
		// an entry from before the 2025 change keeps the rate that was in force then
		var lastYear = new RateQuestion(ALICE, BRANDING, DESIGN, LocalDate.of(2024, 6, 30), BigDecimal.ZERO);
		assertThat(rules.resolve(lastYear, candidates).rateId()).isEqualTo(1L);
	}

	@Test
	void sameDayRatesOfOneLevelGoToTheOneRecordedLast() {
		var answer = rules.resolve(ALICE_DESIGNS_BRANDING,
				List.of(user(8, ALICE, null, "70", LONG_AGO), user(9, ALICE, null, "72", LONG_AGO)));
		assertThat(answer.rateId()).isEqualTo(9L);
	}

	@Test
	void anotherUsersOrProjectsRateIsIgnored() {
		List<RateCandidate> candidates = List.of(workspace(1, "60"), user(2, BOB, null, "70", LONG_AGO),
				user(3, BOB, DESIGN, "80", LONG_AGO), project(4, WEBSITE, null, "90", LONG_AGO));

		assertThat(rules.resolve(ALICE_DESIGNS_BRANDING, candidates))
			.isEqualTo(new RateAnswer(new BigDecimal("60.00"), "WORKSPACE", 1L));
	}

	@Test
	void noCandidatesGiveTheWorkspaceDefault() {
		var question = new RateQuestion(ALICE, BRANDING, DESIGN, ENTRY_DATE, new BigDecimal("42.5"));
		assertThat(rules.resolve(question, List.of()))
			.isEqualTo(new RateAnswer(new BigDecimal("42.50"), "WORKSPACE_DEFAULT", null));
	}

	@Test
	void futureWorkspaceRateLeavesTheDefault() {
		var future = new RateCandidate(1L, "WORKSPACE", null, null, null, new BigDecimal("60"),
				ENTRY_DATE.plusDays(1));
		assertThat(rules.resolve(ALICE_DESIGNS_BRANDING, List.of(future)).source()).isEqualTo("WORKSPACE_DEFAULT");
	}

	@Test
	void rateIsReturnedAtCents() {
		var answer = rules.resolve(ALICE_DESIGNS_BRANDING, List.of(user(1, ALICE, null, "70.125", LONG_AGO)));
		assertThat(answer.hourlyRate()).isEqualByComparingTo("70.13").hasScaleOf(2);
	}

	@Test
	void questionNeedsADateAndADefaultRate() {
		assertThatThrownBy(() -> new RateQuestion(ALICE, BRANDING, DESIGN, null, BigDecimal.ONE))
			.isInstanceOf(NullPointerException.class);
		assertThatThrownBy(() -> new RateQuestion(ALICE, BRANDING, DESIGN, ENTRY_DATE, null))
			.isInstanceOf(NullPointerException.class);
	}
}
