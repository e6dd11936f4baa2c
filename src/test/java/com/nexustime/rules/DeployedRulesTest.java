package com.nexustime.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The running application's one rule base holds every rule file, and each facade gets its own answers from it. */
class DeployedRulesTest extends IntegrationTest {

	@Autowired
	RuleBook ruleBook;

	@Autowired
	RateRules rateRules;

	@Autowired
	WeekLockRules weekLockRules;

	@Autowired
	ActivityRules activityRules;

	@Test
	void allRuleFilesCompileIntoTheOneRuleBook() {
		assertThat(ruleBook.inEffect().ok()).isTrue();
		assertThat(ruleBook.inEffect().files()).contains("activity-availability.drl", "rate-precedence.drl",
				"week-locking.drl");
	}

	@Test
	void eachFacadeAnswersFromTheSharedRuleBook() {
		var question = new RateQuestion(1, 2, 3L, LocalDate.of(2025, 5, 1), new BigDecimal("40"));
		var projectRate = new RateCandidate(7L, "PROJECT", null, 2L, null, new BigDecimal("95"),
				LocalDate.of(2025, 1, 1));
		var userRate = new RateCandidate(8L, "USER", 1L, null, 3L, new BigDecimal("80"), LocalDate.of(2025, 1, 1));
		assertThat(rateRules.resolve(question, List.of(userRate, projectRate)))
			.isEqualTo(new RateAnswer(new BigDecimal("95.00"), "PROJECT", 7L));
		assertThat(rateRules.resolve(question, List.of()).source()).isEqualTo("WORKSPACE_DEFAULT");

		assertThat(weekLockRules.decide(new LockQuestion(Actor.ADMIN, "ACTIVITY", "FINALIZED", "OPEN")))
			.isEqualTo(new LockDecision(true, true, "admin override of a finalized entry"));
		assertThat(weekLockRules.decide(new LockQuestion(Actor.MANAGER, "ACTIVITY", "OPEN", "SUBMITTED")).allowed())
			.isTrue();

		// the other files' rules stay out of each other's way: one group per question
		ProjectFacts electronic = new ProjectFacts(1, "ELECTRONIC", "ACTIVE", null);
		assertThat(activityRules.refusal(electronic, new ActivityOption(2, "MANAGEMENT", null, true))).isPresent();
		assertThat(activityRules.refusal(electronic, new ActivityOption(3, "DESIGN_CREATIVE", null, true))).isEmpty();
	}
}
