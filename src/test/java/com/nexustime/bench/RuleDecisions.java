package com.nexustime.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

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
 * One decision of each rule facade, from the rule files in {@code rules/}, measured with JMH: average time per
 * call after warm-up, in one forked JVM. Each call takes a session from RuleBook's pool, as in the app.
 * {@code bench/run} runs it last and puts the figures in its table; on its own:
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench/test.classpath)" com.nexustime.bench.RuleDecisions}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xmx512m" })
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
public class RuleDecisions {

	/** The benchmark methods and what each one decides, in the order of the table. */
	static final List<String[]> DECISIONS = List.of(new String[] { "rate", "rate (five candidate rates)" },
			new String[] { "availability", "activity availability (six activities)" },
			new String[] { "lock", "week lock" },
			new String[] { "purchaseOrder", "purchase-order alert (one crossing)" });

	private RateRules rates;

	private ActivityRules activities;

	private WeekLockRules locks;

	private PoAlertRules purchaseOrders;

	private RateQuestion question;

	private List<RateCandidate> candidates;

	private ProjectFacts project;

	private List<ActivityOption> options;

	private LockQuestion lockQuestion;

	private List<PoReading> readings;

	@Setup
	public void loadRules() {
		// the forked JVM logs the rule compiler's chatter at INFO otherwise, between the bench's own lines
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		RuleBook book = new RuleBook(DataFolder.directory(Path.of("rules")), Clock.systemUTC());
		rates = new RateRules(book);
		activities = new ActivityRules(book);
		locks = new WeekLockRules(book);
		purchaseOrders = new PoAlertRules(book);
		LocalDate longAgo = LocalDate.of(2000, 1, 1);
		question = new RateQuestion(7, 11, 3L, LocalDate.of(2026, 6, 1), new BigDecimal("90.00"));
		candidates = List.of(new RateCandidate(1L, "WORKSPACE", null, null, null, new BigDecimal("60"), longAgo),
				new RateCandidate(2L, "USER", 7L, null, null, new BigDecimal("70"), longAgo),
				new RateCandidate(3L, "USER", 7L, null, 3L, new BigDecimal("80"), longAgo),
				new RateCandidate(4L, "PROJECT", null, 11L, null, new BigDecimal("90"), longAgo),
				new RateCandidate(5L, "PROJECT", null, 11L, 3L, new BigDecimal("100"), longAgo));
		project = new ProjectFacts(11, "STANDARD", "ACTIVE", null);
		options = List.of(new ActivityOption(1, "DESIGN_CREATIVE", null, true),
				new ActivityOption(2, "MANAGEMENT", null, true), new ActivityOption(3, "PER_PIECE", null, true),
				new ActivityOption(4, "FIXED_COST", null, true), new ActivityOption(5, "DESIGN_CREATIVE", "Other", true),
				new ActivityOption(6, "BUDGET", null, false));
		lockQuestion = new LockQuestion(Actor.OWNER, "ACTIVITY", "OPEN", "OPEN");
		readings = List.of(new PoReading(1, "PO-1", "Print", new BigDecimal("10000.00"), new BigDecimal("94.00"),
				new BigDecimal("96.00"), new BigDecimal("95")));
		// a rule file that decides nothing would make every figure meaningless
		for (Object decided : new Object[] { rate(), availability(), lock(), purchaseOrder() }) {
			if (decided == null || decided instanceof Collection<?> c && c.isEmpty()) {
				throw new IllegalStateException("a rule decision came back empty: " + decided);
			}
		}
	}

	@Benchmark
	public Object rate() {
		return rates.resolve(question, candidates);
	}

	@Benchmark
	public Object availability() {
		return activities.available(project, options);
	}

	@Benchmark
	public Object lock() {
		return locks.decide(lockQuestion);
	}

	@Benchmark
	public Object purchaseOrder() {
		return purchaseOrders.crossings(readings);
	}

	/** Runs the four benchmarks (about 40 s: a forked JVM each, which compiles the rules first) and adds a row for each to the table. */
	static void measure(Table table) throws RunnerException {
		System.out.println("Timing rule decisions with JMH (one fork, 3 × 1 s warm-up and 4 × 1 s measured each) ...");
		Collection<RunResult> results = new Runner(new OptionsBuilder()
			.include(RuleDecisions.class.getName() + "\\.")
			.verbosity(VerboseMode.SILENT)
			.build()).run();
		List<RunResult> sorted = new ArrayList<>(results);
		for (String[] decision : DECISIONS) {
			RunResult result = sorted.stream()
				.filter(r -> r.getParams().getBenchmark().endsWith("." + decision[0]))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("JMH did not run " + decision[0]));
			double mean = result.getPrimaryResult().getScore();
			double error = result.getPrimaryResult().getScoreError();
			table.add("rule decision: " + decision[1],
					"%s µs ± %s µs per call".formatted(Table.number(mean),
							Double.isNaN(error) ? "?" : Table.number(error)),
					"— (JMH: average time, 1 fork, 3 × 1 s warm-up, 4 × 1 s measured)", "< 50 µs each, warmed",
					mean < 50);
		}
	}

	public static void main(String[] args) throws RunnerException {
		Table table = new Table();
		measure(table);
		System.out.println(table.markdown("# Rule decisions"));
	}
}
