package com.nexustime.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains committed audit records into {@code audit_seal}, in record id order, a batch at a time; one sealer at
 * a time across all nodes (a transaction-scoped advisory lock that only the sealer takes).
 * <p>
 * Ids are handed out in one order and committed in another, so the sealer seals only a prefix it knows is
 * complete. It reads the highest id handed out so far, then takes a fresh transaction id of its own: every
 * transaction holding an id up to that value took its transaction id before its record id (see
 * {@link AuditLog}), so its transaction id is lower. Once no transaction with a lower transaction id is running,
 * every id up to the value is committed or rolled back for good, and the sealer seals the committed ones. A
 * transaction that commits late only delays sealing; it is never skipped. Records are never sealed below the
 * chain's end, so a record that turns up there later was not appended by the app, and verification reports it.
 */
@Service
public class AuditSealer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

	/** Key of the advisory lock that only the sealer takes ("AUDS"); appends never take a lock. */
	static final long SEALER_LOCK = 0x41554453L;

	private static final int BATCH = 500;

	private static final Duration SCHEDULED_WAIT = Duration.ofMillis(500);

	/** What one sealing run did: records sealed, and whether a still-running transaction held it back. */
	public record SealRun(int sealed, boolean heldBack) {
	}

	/** The highest id handed out, and a transaction id taken just after it was read. */
	private record Cutoff(long lastId, String horizon) {
	}

	private final JdbcClient jdbc;

	private final AuditChain chain;

	private final TransactionTemplate sealing;

	private final TransactionTemplate outside;

	private final Duration window;

	private volatile boolean running;

	AuditSealer(JdbcClient jdbc, AuditChain chain, PlatformTransactionManager transactions,
			@Value("${nexus.audit.unsealed-window:5s}") Duration window) {
		this.jdbc = jdbc;
		this.chain = chain;
		this.sealing = new TransactionTemplate(transactions);
		this.sealing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.outside = new TransactionTemplate(transactions);
		this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
		this.window = window;
	}

	/** The bound on how long a committed record may stay unsealed, as verification reports it. */
	public Duration window() {
		return window;
	}

	/**
	 * Committed or running records not yet in the chain: the ids after the last sealed one (an index range on the
	 * log's key, so the count costs what the tail holds, not the log). It stays high when the sealer stalls.
	 */
	public long unsealed() {
		return jdbc.sql("""
				select count(*) from audit_log
				where id > (select coalesce(max(record_id), 0) from audit_seal)""").query(Long.class).single();
	}

	/**
	 * The scheduled run; skips when another node is sealing right now, and waits only briefly for running
	 * transactions, as it shares the scheduler's thread with other jobs (the next run tries again).
	 */
	@Scheduled(fixedDelayString = "${nexus.audit.seal-every:1s}", initialDelayString = "${nexus.audit.seal-every:1s}")
	void sealOnSchedule() {
		try {
			seal(SCHEDULED_WAIT, false);
		}
		catch (RuntimeException ex) {
			log.warn("Sealing the audit log failed; the next run tries again", ex);
		}
	}

	/**
	 * Seals every record committed before this call, waiting up to the unsealed window for transactions still
	 * running; waits for a sealer on another node. Call it outside any transaction.
	 */
	public SealRun sealNow() {
		return seal(window, true);
	}

	/** {@link #sealNow()} with its own bound on waiting for running transactions. */
	public SealRun sealNow(Duration maxWait) {
		return seal(maxWait, true);
	}

	private SealRun seal(Duration maxWait, boolean waitForOtherSealer) {
		Cutoff cutoff = capture();
		long deadline = System.nanoTime() + maxWait.toNanos();
		while (!ended(cutoff)) {
			if (System.nanoTime() > deadline) {
				return new SealRun(0, true);
			}
			pause();
		}
		int total = 0;
		while (true) {
			Integer sealed = sealing.execute(status -> sealBatch(cutoff.lastId(), waitForOtherSealer));
			if (sealed == null || sealed < 0) {
				return new SealRun(total, false);
			}
			total += sealed;
			if (sealed < BATCH) {
				return new SealRun(total, false);
			}
		}
	}

	/** Two statements outside any transaction, in this order: the id first, then the transaction id. */
	private Cutoff capture() {
		return outside.execute(status -> {
			long lastId = jdbc.sql("select coalesce(pg_sequence_last_value(pg_get_serial_sequence('audit_log', 'id')), 0)")
				.query(Long.class).single();
			String horizon = jdbc.sql("select cast(pg_current_xact_id() as text)").query(String.class).single();
			return new Cutoff(lastId, horizon);
		});
	}

	/**
	 * Whether every transaction older than the cutoff's has ended, as a new snapshot sees it (its oldest running
	 * transaction is not older). Not the running transactions a snapshot lists: it leaves out those newer than
	 * the last one to end. Not commit status either: a transaction counts as committed a moment before new
	 * snapshots stop counting it as running. Once a snapshot sees them ended, every later snapshot does too.
	 */
	private boolean ended(Cutoff cutoff) {
		return outside.execute(status -> jdbc.sql(
				"select pg_snapshot_xmin(pg_current_snapshot()) >= cast(:horizon as xid8)")
			.param("horizon", cutoff.horizon()).query(Boolean.class).single());
	}

	/** Seals up to one batch of records with ids up to {@code lastId}; -1 when another sealer holds the lock. */
	private int sealBatch(long lastId, boolean waitForOtherSealer) {
		if (waitForOtherSealer) {
			jdbc.sql("select pg_advisory_xact_lock(?)").param(SEALER_LOCK).query(Object.class).single();
		}
		else if (!jdbc.sql("select pg_try_advisory_xact_lock(?)").param(SEALER_LOCK).query(Boolean.class).single()) {
			return -1;
		}
		record Head(long seq, long recordId, String hash) {
		}
		Head head = jdbc.sql("select seq, record_id, hash from audit_seal order by seq desc limit 1")
			.query((rs, row) -> new Head(rs.getLong("seq"), rs.getLong("record_id"), rs.getString("hash")))
			.optional().orElse(new Head(0, 0, AuditChain.GENESIS));
		List<AuditChain.Content> records = jdbc.sql("select " + AuditChain.CONTENT_COLUMNS + " " + """
				 from audit_log l where l.id > :after and l.id <= :through order by l.id limit :batch""")
			.param("after", head.recordId()).param("through", lastId).param("batch", BATCH)
			.query((rs, row) -> AuditChain.Content.read(rs)).list();
		if (records.isEmpty()) {
			return 0;
		}
		long macStart = jdbc.sql("select coalesce(min(first_id), 0) from audit_mac_start").query(Long.class).single();
		List<Object[]> seals = new ArrayList<>(records.size());
		long seq = head.seq();
		String previous = head.hash();
		for (AuditChain.Content record : records) {
			if (record.id() >= macStart && !chain.authentic(record)) {
				// written behind the application's back: the chain stops here until an operator removes it, and
				// verification names it; sealing it would vouch for it
				log.error("Audit record {} has no valid MAC: not sealed, the chain waits (verification names it)",
						record.id());
				break;
			}
			seq++;
			String hash = chain.link(previous, seq, record);
			seals.add(new Object[] { seq, record.id(), previous, hash });
			previous = hash;
		}
		if (seals.isEmpty()) {
			return 0;
		}
		jdbc.sql("""
				insert into audit_seal (seq, record_id, previous_hash, hash)
				select * from unnest(cast(:seqs as bigint[]), cast(:ids as bigint[]), cast(:previous as text[]),
				                     cast(:hashes as text[]))""")
			.param("seqs", arrayLiteral(seals, 0))
			.param("ids", arrayLiteral(seals, 1))
			.param("previous", arrayLiteral(seals, 2))
			.param("hashes", arrayLiteral(seals, 3))
			.update();
		// the head in the log is a copy outside the database to compare the chain's end against
		log.info("Audit chain sealed through seq {} (record {}), head {}", seq, seals.get(seals.size() - 1)[1],
				previous);
		return seals.size();
	}

	/** A PostgreSQL array literal of one column; numbers and hex hashes need no quoting. */
	private static String arrayLiteral(List<Object[]> rows, int column) {
		StringBuilder text = new StringBuilder("{");
		for (Object[] row : rows) {
			text.append(text.length() > 1 ? "," : "").append(row[column]);
		}
		return text.append('}').toString();
	}

	private static void pause() {
		try {
			Thread.sleep(10);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting to seal the audit log", ex);
		}
	}

	@Override
	public void start() {
		running = true;
	}

	/** Seals what has committed before the application stops (after the web server stopped taking requests). */
	@Override
	public void stop() {
		running = false;
		try {
			SealRun run = sealNow();
			log.info("Sealed {} audit records on shutdown{}", run.sealed(),
					run.heldBack() ? "; a transaction still running held back the rest until the next start" : "");
		}
		catch (RuntimeException ex) {
			log.warn("Could not seal the audit log on shutdown; the next start seals what is left", ex);
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return 0;
	}
}
