package com.nexustime.tracking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The way an entry goes to an invoice and back, as the tracking module's API: OPEN → IN_PROCESS (sent to the
 * client) → FINALIZED (client-approved, or finalized by an admin) → BILLED (on an invoice), and back when a request
 * is declined, cancelled or expires, or an invoice is voided. Approval, billing and finance move entries only
 * through here; only tracking writes {@code time_entry}.
 * <p>
 * Each move is conditional on the state it leaves, so a move that lost a race changes nothing and says so in
 * its count. Moves join the caller's transaction, so the caller records what happened in its own tables in the
 * same one. The status moves of a client approval and of an invoice leave the version alone, so "changed
 * since sent" still compares what the owner edited; an admin's finalization counts as a change.
 */
@Service
@Transactional
public class EntryLifecycle {

	private final JdbcClient jdbc;

	EntryLifecycle(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An entry as {@link #lock} found it. */
	public record LockedEntry(long id, EntryStatus status, Long invoiceId) {
	}

	/**
	 * Locks the entries until the caller's transaction ends, always in id order so that two callers never wait
	 * for each other in a circle. Answers those that exist, in id order, as they are once locked.
	 */
	public List<LockedEntry> lock(Collection<Long> entryIds) {
		if (entryIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select id, status, invoice_id from time_entry where id = any(?) order by id for update")
			.param(ids(entryIds))
			.query((rs, n) -> new LockedEntry(rs.getLong("id"), EntryStatus.valueOf(rs.getString("status")),
					(Long) rs.getObject("invoice_id")))
			.list();
	}

	/** OPEN → IN_PROCESS: the entries went to a client for approval. Answers how many moved. */
	public int markInProcess(Collection<Long> entryIds) {
		return jdbc.sql("update time_entry set status = 'IN_PROCESS' where id = any(?) and status = 'OPEN'")
			.param(ids(entryIds)).update();
	}

	/** IN_PROCESS → FINALIZED: the client approved them. Answers how many moved. */
	public int approvedByClient(Collection<Long> entryIds) {
		return jdbc.sql("""
				update time_entry set status = 'FINALIZED', finalized_at = now()
				 where id = any(?) and status = 'IN_PROCESS'""")
			.param(ids(entryIds)).update();
	}

	/** IN_PROCESS → OPEN: the request was declined, cancelled or expired; the owner may edit them again. */
	public int release(Collection<Long> entryIds) {
		return jdbc.sql("update time_entry set status = 'OPEN' where id = any(?) and status = 'IN_PROCESS'")
			.param(ids(entryIds)).update();
	}

	/** What an admin's finalization did: the entries it moved and when. */
	public record Finalization(List<Long> entryIds, Instant at) {
	}

	/** OPEN → FINALIZED by an admin, without a client's signature; a new version of each entry. */
	public Finalization finalize(Collection<Long> entryIds) {
		List<Finalized> moved = jdbc.sql("""
				update time_entry set status = 'FINALIZED', finalized_at = now(), updated_at = now(),
				       version = version + 1
				 where id = any(?) and status = 'OPEN'
				 returning id, finalized_at""")
			.param(ids(entryIds))
			.query((rs, n) -> new Finalized(rs.getLong("id"), rs.getTimestamp("finalized_at").toInstant()))
			.list();
		return new Finalization(moved.stream().map(Finalized::id).sorted().toList(),
				moved.isEmpty() ? null : moved.get(0).at());
	}

	private record Finalized(long id, Instant at) {
	}

	/** FINALIZED and on no invoice → BILLED on {@code invoiceId}. Answers how many moved. */
	public int markBilled(long invoiceId, LocalDate billedOn, Collection<Long> entryIds) {
		return jdbc.sql("""
				update time_entry set status = 'BILLED', invoice_id = ?, billed_on = ?, updated_at = now()
				 where id = any(?) and invoice_id is null and status = 'FINALIZED'""")
			.params(invoiceId, billedOn, ids(entryIds)).update();
	}

	/** BILLED on {@code invoiceId} → FINALIZED on no invoice: the invoice was voided. Answers how many moved. */
	public int unbill(long invoiceId) {
		return jdbc.sql("""
				update time_entry set status = 'FINALIZED', invoice_id = null, billed_on = null, updated_at = now()
				 where invoice_id = ? and status = 'BILLED'""")
			.param(invoiceId).update();
	}

	/** A past entry with its rate already decided, for the demo workspace created at first start. */
	public record DemoEntry(long userId, long projectId, long activityId, LocalDate date, int minutes, BigDecimal rate,
			String rateSource, BigDecimal amount, String description, EntryStatus status) {
	}

	/**
	 * Stores demo history as given, without asking the rules: the demo shows weeks in several states, which a
	 * person could not enter as they are today. Only OPEN and FINALIZED make sense without an approval or invoice.
	 */
	public void recordDemo(DemoEntry e) {
		if (e.status() != EntryStatus.OPEN && e.status() != EntryStatus.FINALIZED) {
			throw new IllegalArgumentException("demo entries are OPEN or FINALIZED, not " + e.status());
		}
		jdbc.sql("""
				insert into time_entry (type, user_id, project_id, activity_id, entry_date, minutes, rate, rate_source,
				                        amount, description, status, finalized_at)
				values ('ACTIVITY', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, case when ? = 'FINALIZED' then now() end)""")
			.params(e.userId(), e.projectId(), e.activityId(), e.date(), e.minutes(), e.rate(), e.rateSource(),
					e.amount(), e.description(), e.status().name(), e.status().name())
			.update();
	}

	private static Long[] ids(Collection<Long> entryIds) {
		return entryIds.toArray(Long[]::new);
	}
}
