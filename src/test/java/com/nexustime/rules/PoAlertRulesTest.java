package com.nexustime.rules;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.nexustime.workflow.DataFolder;

import static org.assertj.core.api.Assertions.assertThat;

/** The PO-alert rules as written in {@code rules/}, compiled and evaluated without Spring. */
class PoAlertRulesTest {

	private static final BigDecimal NINETY_FIVE = new BigDecimal("95.00");

	private static PoAlertRules rules;

	@BeforeAll
	static void compileRules() {
		rules = new PoAlertRules(new RuleBook(DataFolder.directory(Path.of("rules")), Clock.systemUTC()));
	}

	private static PoReading reading(long id, String before, String after) {
		return new PoReading(id, "PO-" + id, "Group " + id, new BigDecimal("10000.00"), new BigDecimal(before),
				new BigDecimal(after), NINETY_FIVE);
	}

	@Test
	void goingFromBelowToAboveIsACrossing() {
		assertThat(rules.crossings(List.of(reading(1, "94.00", "96.00"))))
			.containsExactly(new PoCrossing(1, "PO-1", "Group 1", new BigDecimal("96.00"), NINETY_FIVE));
	}

	@Test
	void reachingTheThresholdExactlyCounts() {
		assertThat(rules.crossings(List.of(reading(1, "94.99", "95.00")))).hasSize(1);
		assertThat(rules.crossings(List.of(reading(1, "0.00", "120.00")))).hasSize(1);
	}

	@Test
	void stayingBelowStayingAboveOrFallingIsNot() {
		assertThat(rules.crossings(List.of(reading(1, "10.00", "94.99")))).isEmpty();
		assertThat(rules.crossings(List.of(reading(1, "95.00", "97.00")))).isEmpty();
		assertThat(rules.crossings(List.of(reading(1, "96.00", "96.00")))).isEmpty();
		assertThat(rules.crossings(List.of(reading(1, "97.00", "90.00")))).isEmpty();
		assertThat(rules.crossings(List.of(reading(1, "97.00", "95.00")))).isEmpty();
	}

	@Test
	void eachPurchaseOrderIsJudgedOnItsOwn() {
		List<PoCrossing> crossings = rules.crossings(List.of(reading(3, "90.00", "99.50"), reading(1, "80.00", "81.00"),
				reading(2, "94.00", "95.10")));
		assertThat(crossings).extracting(PoCrossing::number).containsExactly("PO-2", "PO-3");
		assertThat(crossings).extracting(PoCrossing::percent)
			.containsExactly(new BigDecimal("95.10"), new BigDecimal("99.50"));
	}

	@Test
	void theThresholdIsTheWorkspacesNotAFixedNinetyFive() {
		PoReading atEighty = new PoReading(1, "PO-1", "Print", new BigDecimal("500.00"), new BigDecimal("79.00"),
				new BigDecimal("80.00"), new BigDecimal("80"));
		assertThat(rules.crossings(List.of(atEighty))).hasSize(1);
		assertThat(rules.crossings(List.of(reading(1, "79.00", "80.00")))).isEmpty();
	}

	@Test
	void noReadingsNoSession() {
		assertThat(rules.crossings(List.of())).isEmpty();
	}
}
