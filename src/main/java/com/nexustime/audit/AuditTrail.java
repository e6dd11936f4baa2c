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
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Reads the audit log and proves it untouched. Verification recomputes every hash with the same SQL function
 * that wrote it, so writing and checking cannot drift apart.
 */
@Service
public class AuditTrail {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	AuditTrail(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The matching records, newest first. */
	@Transactional(readOnly = true)
	public List<AuditEntry> search(AuditQuery query) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		if (StringUtils.hasText(query.entityType())) {
			conditions.add("entity_type = :entityType");
			params.put("entityType", query.entityType().trim());
		}
		if (StringUtils.hasText(query.entityId())) {
			conditions.add("entity_id = :entityId");
			params.put("entityId", query.entityId().trim());
		}
		if (StringUtils.hasText(query.actor())) {
			conditions.add("lower(actor) = lower(:actor)");
			params.put("actor", query.actor().trim());
		}
		if (query.from() != null) {
			conditions.add("at >= :from");
			params.put("from", java.sql.Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			conditions.add("at < :to");
			params.put("to", java.sql.Timestamp.from(query.to()));
		}
		params.put("limit", query.limit());
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		return jdbc.sql("""
				select id, at, actor, action, entity_type, entity_id, before::text as before, after::text as after,
				       hash, previous_hash
				from audit_log""" + where + " order by id desc limit :limit")
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
			select id, at, actor, action, entity_type, entity_id, before::text as before, after::text as after,
			       hash, previous_hash
			  from audit_log
			 where entity_type = 'TimeEntry' and entity_id in (select id from week_entries)
			 order by id""";

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
	 * Recomputes each record's hash and checks that each one names its predecessor's hash; reports the first
	 * record where either fails (a changed record, or a record removed or inserted in the middle).
	 */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		List<ChainVerification.BrokenLink> broken = jdbc.sql("""
				with chain as (
				    select id, at, hash, previous_hash,
				           audit_hash(previous_hash, at, actor, action, entity_type, entity_id, before, after) as expected,
				           coalesce(lag(hash) over (order by id), :genesis) as expected_previous
				    from audit_log
				)
				select id, at,
				       case when hash <> expected then 'CONTENT_CHANGED' else 'LINK_BROKEN' end as problem,
				       case when hash <> expected then expected else expected_previous end as expected_hash,
				       case when hash <> expected then hash else previous_hash end as stored_hash
				from chain
				where hash is distinct from expected or previous_hash is distinct from expected_previous
				order by id limit 1""")
			.param("genesis", AuditLog.GENESIS)
			.query((rs, row) -> new ChainVerification.BrokenLink(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getString("problem"), rs.getString("expected_hash"), rs.getString("stored_hash")))
			.list();
		long checked = jdbc.sql("select count(*) from audit_log").query(Long.class).single();
		return broken.isEmpty() ? ChainVerification.intact(checked) : ChainVerification.broken(checked, broken.get(0));
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
