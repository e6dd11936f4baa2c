package com.nexustime.rules;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.nexustime.workflow.DataFolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times each rule decision from the rule files in {@code rules/} in a warmed loop (as many calls again as
 * warm-up), on one thread and on four, and prints mean and p99. A measurement, not a test; runs only when asked:
 * {@code ./mvnw -q -o test -Dtest=RuleDecisionBench -Dbench=true}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class RuleDecisionBench {

	@Test
	void eachDecisionWarmed() throws Exception {
		int calls = Integer.getInteger("bench.calls", 20000);
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
				new ActivityOption(2, "MANAGEMENT", null, true), new ActivityOption(6, "BUDGET", null, false));
		LockQuestion lock = new LockQuestion(Actor.OWNER, "ACTIVITY", "OPEN", "OPEN");
		List<PoReading> readings = List.of(new PoReading(1, "PO-1", "Print", new BigDecimal("10000.00"),
				new BigDecimal("94.00"), new BigDecimal("96.00"), new BigDecimal("95")));
		for (int threads : new int[] { 1, 4 }) {
			time("rate", threads, calls, () -> rates.resolve(question, candidates));
			time("activity availability", threads, calls, () -> activities.available(project, options));
			time("week lock", threads, calls, () -> locks.decide(lock));
			time("purchase-order alert", threads, calls, () -> purchaseOrders.crossings(readings));
		}
	}

	private static void time(String name, int threads, int calls, Supplier<Object> decision) throws Exception {
		Thread[] workers = new Thread[threads];
		long[][] nanos = new long[threads][calls];
		for (int t = 0; t < threads; t++) {
			long[] mine = nanos[t];
			workers[t] = new Thread(() -> {
				for (int i = 0; i < calls; i++) {
					assertThat(decision.get()).isNotNull();
				}
				for (int i = 0; i < calls; i++) {
					long begin = System.nanoTime();
					Object decided = decision.get();
					mine[i] = System.nanoTime() - begin;
					if (decided == null) {
						throw new AssertionError(name + " decided nothing");
					}
				}
			});
			workers[t].start();
		}
		for (Thread worker : workers) {
			worker.join();
		}
		long[] all = Arrays.stream(nanos).flatMapToLong(Arrays::stream).sorted().toArray();
		System.out.printf("BENCH rule %-22s %d thread(s): mean %.1f µs, p50 %.1f µs, p99 %.1f µs%n", name, threads,
				Arrays.stream(all).average().orElse(0) / 1000, all[all.length / 2] / 1000.0,
				all[(int) Math.ceil(all.length * 0.99) - 1] / 1000.0);
	}
}
