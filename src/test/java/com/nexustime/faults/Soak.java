package com.nexustime.faults;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.nexustime.bench.AppProcess;
import com.nexustime.bench.Http;

/**
 * {@code bench/faults --soak N}: N seconds of mixed traffic against node A at a bounded rate (saves, the weekly
 * grid, timers, reports, client approvals signed through the mailed link), every answer checked, and the node's
 * resident memory, live threads and PostgreSQL's connections sampled every 30 s. Fails on any error answer and on
 * growth beyond the bounds below.
 */
final class Soak {

	/** Requests per second the two traffic threads stay under together. */
	static final int RATE = 20;

	/** Growth allowed from the first sample (after a warm-up) to the last. */
	static final double RSS_GROWTH = 0.25;

	static final int THREAD_GROWTH = 10;

	static final int CONNECTION_GROWTH = 3;

	record Sample(long second, double rssMb, int threads, int connections, long requests) {
	}

	private final Faults run;

	private final int seconds;

	private final AtomicLong requests = new AtomicLong();

	private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();

	private volatile boolean stopping;

	Soak(Faults run, int seconds) {
		this.run = run;
		this.seconds = seconds;
	}

	void run() throws Exception {
		Faults.heading("5. Soak: %d s of mixed traffic at most %d requests/s on node A".formatted(seconds, RATE));
		AppProcess node = run.nodes.get("A");
		Http http = new Http(node.port);
		LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		// warm-up: every kind of request a few times, so the first sample is of a warm JVM
		for (int i = 0; i < 30; i++) {
			step(http, i, monday);
		}
		List<Thread> traffic = new ArrayList<>();
		for (int t = 0; t < 2; t++) {
			int offset = t;
			traffic.add(start("soak-" + t, () -> {
				long round = offset;
				long pause = 2_000 / RATE; // each of the two threads at most RATE / 2 requests per second
				while (!stopping) {
					long began = System.nanoTime();
					try {
						step(http, round, monday);
					}
					catch (Exception ex) {
						errors.computeIfAbsent(String.valueOf(ex.getMessage()).replaceAll("\\d+", "#"),
								k -> new AtomicLong()).incrementAndGet();
					}
					round += 2;
					long spent = (System.nanoTime() - began) / 1_000_000;
					try {
						Thread.sleep(Math.max(0, pause - spent));
					}
					catch (InterruptedException stop) {
						return;
					}
				}
			}));
		}
		// client approvals beside the traffic: one every 15 s, signed as soon as its mail arrives
		Thread approvals = start("soak-approvals", () -> {
			while (!stopping) {
				try {
					Faults.Approval approval = run.approval(http);
					requests.addAndGet(2);
					approval.sign(run, http, "Soak client");
					requests.addAndGet(2);
					Thread.sleep(15_000);
				}
				catch (InterruptedException stop) {
					return;
				}
				catch (Exception ex) {
					errors.computeIfAbsent("approval: " + ex.getMessage(), k -> new AtomicLong()).incrementAndGet();
				}
			}
		});
		List<Sample> samples = new ArrayList<>();
		long start = System.nanoTime();
		for (int second = 0; second <= seconds; second += 30) {
			long due = start + Duration.ofSeconds(second).toNanos();
			long wait = (due - System.nanoTime()) / 1_000_000;
			if (wait > 0) {
				Thread.sleep(wait);
			}
			Sample sample = sample(node, second);
			samples.add(sample);
			System.out.printf("  %4d s: RSS %.0f MB, %d threads, %d PostgreSQL connections, %d requests, %d errors%n",
					sample.second(), sample.rssMb(), sample.threads(), sample.connections(), sample.requests(),
					errors.values().stream().mapToLong(AtomicLong::get).sum());
		}
		stopping = true;
		approvals.interrupt();
		for (Thread t : traffic) {
			t.join(70_000);
		}
		approvals.join(100_000);
		report(samples);
	}

	private static Thread start(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	/* one request of the mix, chosen by the round */
	private void step(Http http, long round, LocalDate monday) throws Exception {
		String staff = Http.bearer(run.staffToken);
		switch ((int) (round % 6)) {
			case 0 -> { // a save on a day of its own
				http.send(staff, "POST", "/api/v1/time-entries", run.entryBody(run.nextDay(), 15), 201);
			}
			case 1 -> http.get(staff, "/api/v1/timesheets/" + monday.minusWeeks(round % 8));
			case 2 -> {
				HttpResponse<String> started = http.exchange(staff, "POST", "/api/v1/timer",
						Map.of("projectId", run.projectId, "activityId", run.activityId));
				requests.incrementAndGet();
				if (started.statusCode() != 201) {
					throw new IllegalStateException("timer start answered " + started.statusCode());
				}
				http.send(staff, "POST", "/api/v1/timer/stop", null, 200);
			}
			case 3 -> http.get(Http.bearer(run.managerToken),
					"/api/v1/reports/time?groupBy=project&from=%s&to=%s".formatted(monday.minusMonths(6), monday));
			case 4 -> http.get(Http.bearer(run.managerToken), "/api/v1/dashboard");
			default -> http.get(staff, "/api/v1/time-entries?from=%s&to=%s".formatted(monday.minusWeeks(4), monday));
		}
		requests.incrementAndGet();
	}

	private Sample sample(AppProcess node, long second) throws Exception {
		int threads = 0;
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(node.pid()), "status"))) {
			if (line.startsWith("Threads:")) {
				threads = Integer.parseInt(line.replaceAll("[^0-9]", ""));
			}
		}
		int connections;
		try (Connection db = run.db(); Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
				"select count(*) from pg_stat_activity where datname = '" + Faults.DATABASE + "' and pid <> pg_backend_pid()")) {
			rs.next();
			connections = rs.getInt(1);
		}
		return new Sample(second, node.residentMegabytes(), threads, connections, requests.get());
	}

	private void report(List<Sample> samples) throws Exception {
		Sample first = samples.get(0);
		Sample last = samples.get(samples.size() - 1);
		double maxRss = samples.stream().mapToDouble(Sample::rssMb).max().orElse(0);
		int maxThreads = samples.stream().mapToInt(Sample::threads).max().orElse(0);
		int maxConnections = samples.stream().mapToInt(Sample::connections).max().orElse(0);
		long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum();
		double rate = (last.requests() - first.requests()) / (double) Math.max(1, last.second() - first.second());
		errors.forEach((what, count) -> System.out.println("  error x" + count + ": " + what));
		run.check(errorCount == 0, "%d requests (%.1f/s), %d error answers".formatted(last.requests(), rate, errorCount));
		run.check(last.rssMb() <= first.rssMb() * (1 + RSS_GROWTH), "RSS first %.0f MB, last %.0f MB, max %.0f MB (bound: last ≤ first + %.0f %%)"
			.formatted(first.rssMb(), last.rssMb(), maxRss, RSS_GROWTH * 100));
		run.check(last.threads() <= first.threads() + THREAD_GROWTH, "live threads first %d, last %d, max %d (bound: last ≤ first + %d)"
			.formatted(first.threads(), last.threads(), maxThreads, THREAD_GROWTH));
		run.check(last.connections() <= first.connections() + CONNECTION_GROWTH,
				"PostgreSQL connections first %d, last %d, max %d (bound: last ≤ first + %d)".formatted(first.connections(),
						last.connections(), maxConnections, CONNECTION_GROWTH));
		StringBuilder table = new StringBuilder("| s | RSS MB | threads | PG connections | requests |\n|---|---|---|---|---|\n");
		samples.forEach(s -> table.append("| %d | %.0f | %d | %d | %d |%n".formatted(s.second(), s.rssMb(), s.threads(),
				s.connections(), s.requests())));
		Files.writeString(Faults.OUT.resolve("soak.md"), table.toString());
		System.out.println("  samples: " + Faults.OUT.resolve("soak.md"));
	}
}
