package com.nexustime.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.nexustime.support.IntegrationTest;

/**
 * Appends per second from 16 threads, one append per transaction, for the append as it was (a global advisory
 * lock held to commit and a read of the previous record's hash) and as it is now; then how long the sealer takes
 * to chain everything. Prints the figures; asserts nothing about speed. Not part of the suite (the name does not
 * end in Test): {@code ./mvnw -q -o test -Dtest=AuditAppendBenchmark}.
 */
class AuditAppendBenchmark extends IntegrationTest {

	private static final int THREADS = 16;

	private static final Duration RUN = Duration.ofSeconds(5);

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditSealer sealer;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void appendsPerSecond() throws Exception {
		sealer.sealNow();
		double before = run("global lock", this::appendAsBefore);
		double now = run("no lock", () -> auditLog.recordAs("bench", "UPDATE", "Benchmark", "1", Map.of("n", 1),
				Map.of("n", 2)));
		long start = System.nanoTime();
		AuditSealer.SealRun sealed = sealer.sealNow();
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("%nAUDIT BENCH %d threads, %d s each: global lock %.0f appends/s, no lock %.0f appends/s "
				+ "(%.1fx); sealer then sealed %d records in %.2f s (%.0f/s)%n", THREADS, RUN.toSeconds(), before, now,
				now / before, sealed.sealed(), seconds, sealed.sealed() / seconds);
	}

	/**
	 * The round trip the canonical MAC removed: the append with the read that asked PostgreSQL how it would store
	 * the JSON (as the append did before) against the append alone, alternated three times in the same JVM and
	 * database so a busy machine weighs on both alike.
	 */
	@Test
	void theNormalizationRoundTrip() throws Exception {
		Map<String, Object> before = Map.of("minutes", 60, "rate", new java.math.BigDecimal("90.00"), "date",
				"2026-12-01", "description", "bench save");
		Map<String, Object> after = Map.of("minutes", 65, "rate", new java.math.BigDecimal("90.00"), "date",
				"2026-12-01", "description", "bench save");
		String beforeJson = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(before);
		String afterJson = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(after);
		StringBuilder rounds = new StringBuilder();
		for (int round = 0; round < 3; round++) {
			double withRead = run("append after the normalization read", () -> {
				jdbc.sql("select cast(:before as jsonb)::text as before, cast(:after as jsonb)::text as after")
					.param("before", beforeJson).param("after", afterJson)
					.query((rs, row) -> rs.getString("before") + rs.getString("after")).single();
				auditLog.recordAs("bench", "UPDATE", "Benchmark", "2", before, after);
			});
			double alone = run("append alone", () -> auditLog.recordAs("bench", "UPDATE", "Benchmark", "2", before, after));
			rounds.append(" %.0f/s → %.0f/s (%+.0f %%);".formatted(withRead, alone, 100 * (alone / withRead - 1)));
		}
		sealer.sealNow();
		System.out.printf("%nAUDIT BENCH %d threads, one append per transaction, with the read → alone:%s%n", THREADS,
				rounds);
	}

	/** The append as it was before the sealer: the same SQL, lock and read of the previous record included. */
	private void appendAsBefore() {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(0x41554454L).query(Object.class).single();
		jdbc.sql("""
				with previous as (
				    select coalesce((select legacy_hash from audit_log order by id desc limit 1), repeat('0', 64)) as hash
				), row as (
				    select clock_timestamp() as at, cast(:before as jsonb) as before, cast(:after as jsonb) as after
				)
				insert into audit_log (at, actor, action, entity_type, entity_id, before, after, legacy_previous_hash,
				                       legacy_hash)
				select row.at, 'bench', 'UPDATE', 'Benchmark', '1', row.before, row.after, previous.hash,
				       audit_hash(previous.hash, row.at, 'bench', 'UPDATE', 'Benchmark', '1', row.before, row.after)
				from previous, row""")
			.param("before", "{\"n\": 1}").param("after", "{\"n\": 2}")
			.update();
	}

	private double run(String name, Runnable append) throws Exception {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		AtomicLong count = new AtomicLong();
		long end = System.nanoTime() + RUN.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				workers.add(pool.submit(() -> {
					while (System.nanoTime() < end) {
						tx.executeWithoutResult(status -> append.run());
						count.incrementAndGet();
					}
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		double rate = count.get() / (double) RUN.toSeconds();
		System.out.printf("AUDIT BENCH %s: %d appends in %d s = %.0f/s%n", name, count.get(), RUN.toSeconds(), rate);
		return rate;
	}
}
