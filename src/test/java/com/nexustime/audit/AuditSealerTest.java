package com.nexustime.audit;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.system.ServerKey;

import static org.assertj.core.api.Assertions.assertThat;

/** Appends run side by side; the sealer chains what has committed, in order, once, late commits included. */
class AuditSealerTest extends IntegrationTest {

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditSealer sealer;

	@Autowired
	AuditChain chain;

	@Autowired
	AuditTrail trail;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DataSource dataSource;

	@RepeatedTest(3)
	void concurrentAppendsAreAllSealedOnceInOneValidChain() throws Exception {
		String type = "Concurrent-" + UUID.randomUUID();
		int threads = 16;
		int perThread = 50;
		ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
		AtomicBoolean appending = new AtomicBoolean(true);
		AtomicLong sealedWhileAppending = new AtomicLong();
		try {
			// a sealer runs the whole time, as it does in production
			Future<?> sealing = pool.submit(() -> {
				while (appending.get()) {
					sealedWhileAppending.addAndGet(sealer.sealNow(Duration.ofSeconds(2)).sealed());
				}
			});
			List<Future<?>> writers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				writers.add(pool.submit(() -> {
					TransactionTemplate tx = new TransactionTemplate(transactions);
					for (int i = 0; i < perThread; i++) {
						int n = i;
						boolean rollBack = n % 10 == 9;
						try {
							tx.executeWithoutResult(status -> {
								// two records per business transaction, as an update of two things would write
								auditLog.recordAs("t" + thread, rollBack ? "ROLLED_BACK" : "CREATE", type, thread + "-" + n,
										null, Map.of("n", n));
								auditLog.recordAs("t" + thread, rollBack ? "ROLLED_BACK" : "UPDATE", type, thread + "-" + n,
										Map.of("n", n), Map.of("n", n + 1));
								if (rollBack) {
									throw new IllegalStateException("roll back");
								}
							});
						}
						catch (IllegalStateException expected) {
							// leaves a gap in the ids that the sealer must step over
						}
					}
				}));
			}
			for (Future<?> writer : writers) {
				writer.get(2, TimeUnit.MINUTES);
			}
			appending.set(false);
			sealing.get(1, TimeUnit.MINUTES);
		}
		finally {
			appending.set(false);
			pool.shutdownNow();
		}
		sealer.sealNow();

		int committed = threads * perThread / 10 * 9 * 2;
		assertThat(jdbc.sql("select count(*) from audit_log where entity_type = ?").param(type).query(Long.class).single())
			.isEqualTo(committed);
		assertThat(jdbc.sql("""
				select count(distinct s.seq) from audit_seal s join audit_log l on l.id = s.record_id
				 where l.entity_type = ?""").param(type).query(Long.class).single())
			.as("every committed record sealed exactly once").isEqualTo(committed);
		assertThat(sealedWhileAppending.get()).as("the sealer kept up while appends ran").isPositive();
		assertThat(jdbc.sql("select max(seq) = count(*) from audit_seal").query(Boolean.class).single())
			.as("seq has no gaps").isTrue();
		assertThat(jdbc.sql("""
				select count(*) from (select record_id, lag(record_id) over (order by seq) as before from audit_seal) s
				 where s.before >= s.record_id""").query(Long.class).single())
			.as("the chain follows record id order").isZero();
		ChainVerification verification = trail.verify();
		assertThat(verification.ok()).as(verification.toString()).isTrue();
		assertThat(verification.checked()).isGreaterThanOrEqualTo(committed);
	}

	@Test
	void aTransactionThatCommitsLateIsSealedInItsPlaceNotSkipped() throws Exception {
		String type = "Late-" + UUID.randomUUID();
		CountDownLatch appended = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<?> late = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
				auditLog.recordAs("slow", "CREATE", type, "late", null, Map.of("n", 1));
				appended.countDown();
				await(commit);
			}));
			assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
			auditLog.recordAs("fast", "CREATE", type, "early", null, Map.of("n", 2));
			long earlyId = idOf(type, "early");

			AuditSealer.SealRun held = sealer.sealNow(Duration.ofMillis(300));
			assertThat(held.heldBack()).as("a transaction holding a lower id is still running").isTrue();
			assertThat(sealOf(earlyId)).as("nothing past the running transaction's id is sealed").isEmpty();
			ChainVerification waiting = trail.verify();
			assertThat(waiting.ok()).isTrue();
			assertThat(waiting.unsealed()).isGreaterThanOrEqualTo(1);

			commit.countDown();
			late.get(30, TimeUnit.SECONDS);
		}
		finally {
			commit.countDown();
			pool.shutdownNow();
		}
		long lateId = idOf(type, "late");
		assertThat(lateId).as("the late transaction took its id first").isLessThan(idOf(type, "early"));
		sealer.sealNow();
		List<Long> seqs = List.of(sealOf(lateId).get(0), sealOf(idOf(type, "early")).get(0));
		assertThat(seqs.get(0)).as("sealed in id order").isLessThan(seqs.get(1));
		assertThat(trail.verify().ok()).isTrue();
	}

	@Test
	void recordsAppendedWhileNoSealerRunsAreSealedByTheNextOne() throws Exception {
		String type = "Crash-" + UUID.randomUUID();
		List<Long> ids = new ArrayList<>();
		// the sealer is down: its lock is held elsewhere, so the running app's scheduled run skips
		try (SealerDown down = new SealerDown()) {
			for (int i = 0; i < 20; i++) {
				auditLog.recordAs("system", "CREATE", type, Integer.toString(i), null, Map.of("n", i));
				ids.add(idOf(type, Integer.toString(i)));
			}
			Thread.sleep(1500);
			assertThat(ids).allSatisfy(id -> assertThat(sealOf(id)).isEmpty());
			JsonNode pending = admin().get("/api/v1/audit/verify").json();
			assertThat(pending.get("ok").asBoolean()).isTrue();
			assertThat(pending.get("unsealed").asLong()).isGreaterThanOrEqualTo(20);
			assertThat(pending.get("oldestUnsealedSeconds").asDouble()).isGreaterThanOrEqualTo(1.0);
			assertThat(pending.get("oldestUnsealedAt").asText()).endsWith("Z");
			assertThat(pending.get("unsealedWindowSeconds").asLong()).isEqualTo(sealer.window().toSeconds());
		}
		// a new sealer, as after a restart, with nothing carried over from the one before
		AuditSealer restarted = new AuditSealer(jdbc, chain, transactions, Duration.ofSeconds(5));
		assertThat(restarted.sealNow().heldBack()).isFalse();
		assertThat(ids).allSatisfy(id -> assertThat(sealOf(id)).hasSize(1));
		ChainVerification verification = trail.verify();
		assertThat(verification.ok()).as(verification.toString()).isTrue();
		assertThat(verification.withinWindow()).isTrue();
	}

	@Test
	void stoppingTheApplicationSealsWhatHasCommitted() throws Exception {
		String type = "Shutdown-" + UUID.randomUUID();
		AuditSealer stopping = new AuditSealer(jdbc, chain, transactions, Duration.ofSeconds(5));
		stopping.start();
		try (SealerDown down = new SealerDown()) {
			auditLog.recordAs("system", "CREATE", type, "1", null, Map.of("n", 1));
			auditLog.recordAs("system", "UPDATE", type, "1", Map.of("n", 1), Map.of("n", 2));
			assertThat(jdbc.sql("select count(*) from audit_log l where l.entity_type = ? and not exists "
					+ "(select 1 from audit_seal s where s.record_id = l.id)").param(type).query(Long.class).single())
				.as("not sealed yet").isEqualTo(2);
		}
		stopping.stop();
		assertThat(stopping.isRunning()).isFalse();
		assertThat(jdbc.sql("select count(*) from audit_log l join audit_seal s on s.record_id = l.id "
				+ "where l.entity_type = ?").param(type).query(Long.class).single()).isEqualTo(2);
		assertThat(trail.verify().ok()).isTrue();
	}

	@Test
	void verifyOnThePageReportsRecordsNotSealedYet() throws Exception {
		String type = "Pending-" + UUID.randomUUID();
		try (SealerDown down = new SealerDown()) {
			auditLog.recordAs("system", "CREATE", type, "1", null, Map.of("n", 1));
			JsonNode unsealed = admin().get("/api/v1/audit?entityType=" + type).json().get(0);
			assertThat(unsealed.get("hash").isNull()).as("no hash until sealed").isTrue();
			assertThat(unsealed.get("previousHash").isNull()).isTrue();
			FormSession browser = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
			assertThat(browser.get("/audit?entityType=" + type).body()).contains("not sealed yet");
			assertThat(browser.follow(browser.get("/audit/verify")).body()).contains("The chain is intact")
				.containsPattern("\\d+ newer records are not sealed yet; the oldest was written ");
		}
		sealer.sealNow();
		FormSession browser = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		assertThat(browser.get("/audit?entityType=" + type).body()).doesNotContain("not sealed yet");
		assertThat(admin().get("/api/v1/audit?entityType=" + type).json().get(0).get("hash").asText()).hasSize(64);
	}

	@Test
	void anAppendTakesNoAdvisoryLock() throws Exception {
		CountDownLatch appended = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		AtomicLong pid = new AtomicLong();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<?> business = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
				pid.set(jdbc.sql("select pg_backend_pid()").query(Long.class).single());
				auditLog.recordAs("system", "CREATE", "LockProbe", UUID.randomUUID().toString(), null, Map.of("n", 1));
				appended.countDown();
				await(commit);
			}));
			assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(jdbc.sql("select count(*) from pg_locks where pid = ? and locktype = 'advisory'")
				.param(pid.get()).query(Long.class).single()).isZero();
			assertThat(jdbc.sql("select count(*) from pg_locks where pid = ? and relation = 'audit_log'::regclass")
				.param(pid.get()).query(Long.class).single()).as("the open transaction did write the record").isPositive();
			commit.countDown();
			business.get(30, TimeUnit.SECONDS);
		}
		finally {
			commit.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void theChainHashIsKeyedBySecretOutsideTheDatabase() {
		AuditChain.Content content = new AuditChain.Content(7, "2026-11-23T09:00:00.000000Z", "a@b", "UPDATE", "Probe",
				"1", "{\"n\": 1}", "{\"n\": 2}");
		String hash = chain.link(AuditChain.GENESIS, 1, content);
		assertThat(hash).hasSize(64).isEqualTo(chain.link(AuditChain.GENESIS, 1, content));
		assertThat(new AuditChain(ServerKey.of(new byte[32])).link(AuditChain.GENESIS, 1, content))
			.as("another key gives another chain").isNotEqualTo(hash);
		assertThat(chain.link(AuditChain.GENESIS, 2, content)).as("the place in the chain counts").isNotEqualTo(hash);
		// text moved from one field into the next must not give the same hash
		AuditChain.Content shifted = new AuditChain.Content(7, "2026-11-23T09:00:00.000000Z", "a@bU", "PDATE", "Probe",
				"1", "{\"n\": 1}", "{\"n\": 2}");
		assertThat(chain.link(AuditChain.GENESIS, 1, shifted)).isNotEqualTo(hash);
	}

	/** Holds the sealer's lock on a connection of its own, as a sealer that is down would leave others to. */
	private final class SealerDown implements AutoCloseable {

		private final Connection connection;

		SealerDown() throws java.sql.SQLException {
			connection = dataSource.getConnection();
			try (var statement = connection.createStatement()) {
				statement.execute("select pg_advisory_lock(" + AuditSealer.SEALER_LOCK + ")");
			}
		}

		@Override
		public void close() throws java.sql.SQLException {
			try (var statement = connection.createStatement()) {
				statement.execute("select pg_advisory_unlock(" + AuditSealer.SEALER_LOCK + ")");
			}
			finally {
				connection.close();
			}
		}
	}

	private long idOf(String type, String entityId) {
		return jdbc.sql("select id from audit_log where entity_type = ? and entity_id = ?").params(type, entityId)
			.query(Long.class).single();
	}

	private List<Long> sealOf(long recordId) {
		return jdbc.sql("select seq from audit_seal where record_id = ?").param(recordId).query(Long.class).list();
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
