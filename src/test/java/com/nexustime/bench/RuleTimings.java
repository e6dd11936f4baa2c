package com.nexustime.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.nexustime.rules.ActivityOption;
import com.nexustime.rules.ActivityRules;
import com.nexustime.rules.Actor;
import com.nexustime.rules.LockQuestion;
import com.nexustime.rules.PoAlertRules;
import com.nexustime.rules.PoReading;
import com.nexustime.rules.ProjectFacts;
import com.nexustime.rules.RateCandidate;
import com.nexustime.rules.RateQuestion;
import com.nexustime.rules.RateRules;
import com.nexustime.rules.RuleBook;
import com.nexustime.rules.WeekLockRules;
import com.nexustime.workflow.DataFolder;

/**
 * One decision of each rule facade, from the rule files in {@code rules/}, timed in a warmed loop (JMH would be
 * more careful, but a fifth of the calls as warm-up and per-call timing is close enough for a 50 µs goal).
 * Each call takes a session from RuleBook's pool, as in the app.
 */
final class RuleTimings {

	private RuleTimings() {
	}

	static void measure(Table table, int calls) throws Exception {
		System.out.printf("Timing rule decisions (%,d calls each) ...%n", calls);
		RuleBook book = new RuleBook(DataFolder.directory(Path.of("rules")), Clock.systemUTC());
		RateRules rates = new RateRules(book);
		ActivityRules activities = new ActivityRules(book);
		WeekLockRules locks = new WeekLockRules(book);
		PoAlertRules purchaseOrders = new PoAlertRules(book);
		LocalDate longAgo = LocalDate.of(2000, 1, 1);
		RateQuestion question = new RateQuestion(7, 11, 3L, LocalDate.of(2026, 6, 1), new BigDecimal("90.00"));
		List<RateCandidate> candidates = List.of(
				new RateCandidate(1L, "WORKSPACE", null, null, null, new BigDecimal("60"), longAgo),
				new RateCandidate(2L, "USER", 7L, null, null, new BigDecimal("70"), longAgo),
				new RateCandidate(3L, "USER", 7L, null, 3L, new BigDecimal("80"), longAgo),
				new RateCandidate(4L, "PROJECT", null, 11L, null, new BigDecimal("90"), longAgo),
				new RateCandidate(5L, "PROJECT", null, 11L, 3L, new BigDecimal("100"), longAgo));
		ProjectFacts project = new ProjectFacts(11, "STANDARD", "ACTIVE", null);
		List<ActivityOption> options = List.of(new ActivityOption(1, "DESIGN_CREATIVE", null, true),
				new ActivityOption(2, "MANAGEMENT", null, true), new ActivityOption(3, "PER_PIECE", null, true),
				new ActivityOption(4, "FIXED_COST", null, true), new ActivityOption(5, "DESIGN_CREATIVE", "Other", true),
				new ActivityOption(6, "BUDGET", null, false));
		LockQuestion lock = new LockQuestion(Actor.OWNER, "ACTIVITY", "OPEN", "OPEN");
		List<PoReading> readings = List.of(new PoReading(1, "PO-1", "Print", new BigDecimal("10000.00"),
				new BigDecimal("94.00"), new BigDecimal("96.00"), new BigDecimal("95")));
		time(table, "rate (five candidate rates)", calls, () -> rates.resolve(question, candidates));
		time(table, "activity availability (six activities)", calls, () -> activities.available(project, options));
		time(table, "week lock", calls, () -> locks.decide(lock));
		time(table, "purchase-order alert (one crossing)", calls, () -> purchaseOrders.crossings(readings));
	}

	private static void time(Table table, String name, int calls, java.util.function.Supplier<Object> decision)
			throws Exception {
		Object[] sink = new Object[1];
		Latencies timed = Load.repeat(calls / 5, calls, (t, r) -> sink[0] = decision.get());
		if (sink[0] == null) {
			throw new IllegalStateException(name + " decided nothing");
		}
		table.add("rule decision: " + name, "mean %s µs, p99 %s µs".formatted(Table.number(timed.meanMicros()),
				Table.number(timed.millis(99) * 1000)), "— (warmed loop, %,d calls)".formatted(calls),
				"< 50 µs each, warmed", timed.meanMicros() < 50);
	}
}
