package com.nexustime.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Reads the audit log and proves it untouched. Verification recomputes every seal's hash with the same
 * {@link AuditChain} that the sealer wrote it with, so writing and checking cannot drift apart. A record's
 * {@code hash} and {@code previousHash} are those of its seal, null until it is sealed.
 */
@Service
public class AuditTrail {

	/** Seals read per statement while verifying. */
	/** The most unsealed records one verification checks for a missing MAC (normally a few seconds' worth). */
	private static final int UNSEALED_CHECKED = 20_000;

	private static final int PAGE = 2000;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final AuditChain chain;

	private final AuditSealer sealer;

	AuditTrail(JdbcClient jdbc, ObjectMapper json, AuditChain chain, AuditSealer sealer) {
		this.jdbc = jdbc;
		this.json = json;
		this.chain = chain;
		this.sealer = sealer;
	}

	/** The matching records, newest first. */
	@Transactional(readOnly = true)
	public List<AuditEntry> search(AuditQuery query) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		if (StringUtils.hasText(query.entityType())) {
			conditions.add("l.entity_type = :entityType");
			params.put("entityType", query.entityType().trim());
		}
		if (StringUtils.hasText(query.entityId())) {
			conditions.add("l.entity_id = :entityId");
			params.put("entityId", query.entityId().trim());
		}
		if (StringUtils.hasText(query.actor())) {
			conditions.add("lower(l.actor) = lower(:actor)");
			params.put("actor", query.actor().trim());
		}
		if (query.from() != null) {
			conditions.add("l.at >= :from");
			params.put("from", java.sql.Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			conditions.add("l.at < :to");
			params.put("to", java.sql.Timestamp.from(query.to()));
		}
		params.put("limit", query.limit());
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		return jdbc.sql("""
				select l.id, l.at, l.actor, l.action, l.entity_type, l.entity_id, l.before::text as before,
				       l.after::text as after, s.hash, s.previous_hash
				from audit_log l left join audit_seal s on s.record_id = l.id""" + where
				+ " order by l.id desc limit :limit")
			.params(params)
			.query(this::entry)
			.list();
	}

	/** The SQL of {@link #timeEntriesOf}: public for the test that checks the indexes serve it. */
	public static final String TIME_ENTRIES_OF_WEEK = """
			with week_entries as (
			    select cast(id as text) as id from time_entry
			     where user_id = :userId and entry_date between :from and :to
			    union
			    select entity_id from audit_log
			     where entity_type = 'TimeEntry' and after ->> 'userId' = :userText
			       and after ->> 'date' between :fromText and :toText
			    union
			    select entity_id from audit_log
			     where entity_type = 'TimeEntry' and before ->> 'userId' = :userText
			       and before ->> 'date' between :fromText and :toText
			)
			select l.id, l.at, l.actor, l.action, l.entity_type, l.entity_id, l.before::text as before,
			       l.after::text as after, s.hash, s.previous_hash
			  from audit_log l left join audit_seal s on s.record_id = l.id
			 where l.entity_type = 'TimeEntry' and l.entity_id in (select id from week_entries)
			 order by l.id""";

	/**
	 * Every record of every time entry of one person dated between two days (inclusive), oldest first: the
	 * entries that exist now, and those whose stored before or after names that person and a day in the range —
	 * so deleted entries and entries moved out of the range are there too, with all their records.
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> timeEntriesOf(long userId, java.time.LocalDate from, java.time.LocalDate to) {
		return jdbc.sql(TIME_ENTRIES_OF_WEEK)
			.param("userId", userId).param("from", from).param("to", to)
			.param("userText", Long.toString(userId)).param("fromText", from.toString()).param("toText", to.toString())
			.query(this::entry)
			.list();
	}

	/**
	 * Walks the seals in chain order, recomputing each hash from its record and checking that each names the
	 * seal before it; and looks for records older than the chain's end that no seal covers. Reports the first
	 * record, by id, where anything fails, and the records not sealed yet.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ChainVerification verify() {
		long checked = 0;
		long expectedSeq = 1;
		long lastRecord = 0;
		String previous = AuditChain.GENESIS;
		ChainVerification.BrokenLink broken = null;
		while (broken == null) {
			List<SealedRecord> page = jdbc.sql("select s.seq, s.record_id as sealed_record, s.previous_hash, s.hash, "
					+ AuditChain.CONTENT_COLUMNS + " " + """
					 from audit_seal s left join audit_log l on l.id = s.record_id
					 where s.seq >= :from order by s.seq limit :page""")
				.param("from", expectedSeq).param("page", PAGE)
				.query((rs, row) -> new SealedRecord(rs.getLong("seq"), rs.getLong("sealed_record"),
						rs.getString("previous_hash"), rs.getString("hash"),
						rs.getObject("record_id") == null ? null : AuditChain.Content.read(rs),
						rs.getObject("record_id") == null ? null : rs.getTimestamp("at").toInstant()))
				.list();
			for (SealedRecord seal : page) {
				if (seal.seq() != expectedSeq || !seal.previousHash().equals(previous) || seal.recordId() <= lastRecord) {
					broken = new ChainVerification.BrokenLink(seal.recordId(), seal.at(),
							ChainVerification.LINK_BROKEN, previous, seal.previousHash());
				}
				else if (seal.content() == null) {
					broken = new ChainVerification.BrokenLink(seal.recordId(), null, ChainVerification.RECORD_REMOVED,
							seal.hash(), null);
				}
				else {
					String expected = chain.link(previous, seal.seq(), seal.content());
					if (!expected.equals(seal.hash())) {
						broken = new ChainVerification.BrokenLink(seal.recordId(), seal.at(),
								ChainVerification.CONTENT_CHANGED, expected, seal.hash());
					}
				}
				if (broken != null) {
					break;
				}
				checked++;
				expectedSeq++;
				lastRecord = seal.recordId();
				previous = seal.hash();
			}
			if (page.size() < PAGE) {
				break;
			}
		}
		long chainEnd = jdbc.sql("select coalesce((select record_id from audit_seal order by seq desc limit 1), 0)")
			.query(Long.class).single();
		ChainVerification.BrokenLink outside = jdbc.sql("""
				select l.id, l.at from audit_log l
				 where l.id < :chainEnd and not exists (select 1 from audit_seal s where s.record_id = l.id)
				 order by l.id limit 1""")
			.param("chainEnd", chainEnd)
			.query((rs, row) -> new ChainVerification.BrokenLink(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					ChainVerification.NOT_IN_CHAIN, null, null))
			.optional().orElse(null);
		if (outside != null && (broken == null || outside.id() < broken.id())) {
			broken = outside;
		}
		ChainVerification.BrokenLink forged = firstForgedUnsealed(chainEnd);
		if (forged != null && (broken == null || forged.id() < broken.id())) {
			broken = forged;
		}
		return ChainVerification.of(checked, broken, unsealed(chainEnd));
	}

	/**
	 * The first record after the chain's end without the MAC the application gives every record it appends
	 * (inserted behind its back); the sealer stops before such a record.
	 */
	private ChainVerification.BrokenLink firstForgedUnsealed(long chainEnd) {
		return jdbc.sql("select " + AuditChain.CONTENT_COLUMNS + " " + """
				 from audit_log l
				 where l.id > :chainEnd and l.id >= (select coalesce(min(first_id), 0) from audit_mac_start)
				 order by l.id limit :most""")
			.param("chainEnd", chainEnd).param("most", UNSEALED_CHECKED)
			.query((rs, row) -> new Object[] { AuditChain.Content.read(rs), rs.getTimestamp("at").toInstant() })
			.stream()
			.filter(found -> !chain.authentic((AuditChain.Content) found[0]))
			.findFirst()
			.map(found -> new ChainVerification.BrokenLink(((AuditChain.Content) found[0]).id(),
					(java.time.Instant) found[1], ChainVerification.NOT_AUTHENTIC, null,
					((AuditChain.Content) found[0]).mac()))
			.orElse(null);
	}

	private ChainVerification.Unsealed unsealed(long chainEnd) {
		long window = sealer.window().toSeconds();
		return jdbc.sql("""
				select count(*) as unsealed, min(at) as oldest,
				       extract(epoch from clock_timestamp() - min(at))::float8 as oldest_seconds
				  from audit_log where id > :chainEnd""")
			.param("chainEnd", chainEnd)
			.query((rs, row) -> new ChainVerification.Unsealed(rs.getLong("unsealed"),
					rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant(),
					rs.getObject("oldest_seconds") == null ? null : rs.getDouble("oldest_seconds"), window))
			.single();
	}

	/** A seal with its record ({@code content} and {@code at} null when the record is gone). */
	private record SealedRecord(long seq, long recordId, String previousHash, String hash, AuditChain.Content content,
			java.time.Instant at) {
	}

	private AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
				parse(rs.getString("before")), parse(rs.getString("after")), rs.getString("hash"),
				rs.getString("previous_hash"));
	}

	private JsonNode parse(String stored) {
		if (stored == null) {
			return null;
		}
		try {
			return json.readTree(stored);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("audit_log holds JSON that does not parse", ex);
		}
	}
}
