package com.nexustime.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.system.security.CurrentUser;

/**
 * Appends to the tamper-evident audit log. Each record is written in the caller's transaction, so a change
 * and its audit record commit or roll back together; a transaction-scoped advisory lock keeps the chain a
 * single line even with several app nodes writing at once.
 */
@Service
public class AuditLog {

	/** Key of the advisory lock that orders appends to the chain ("AUDT"). */
	static final long CHAIN_LOCK = 0x41554454L;

	static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	AuditLog(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Records one change. {@code before} and {@code after} are any JSON-serialisable values (null for a
	 * create or a delete respectively).
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(String action, String entityType, Object entityId, Object before, Object after) {
		recordAs(currentActor(), action, entityType, entityId, before, after);
	}

	@Transactional(propagation = Propagation.REQUIRED)
	public void recordAs(String actor, String action, String entityType, Object entityId, Object before, Object after) {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query(Object.class).single();
		jdbc.sql("""
				with previous as (
				    select coalesce((select hash from audit_log order by id desc limit 1), :genesis) as hash
				), row as (
				    select clock_timestamp() as at, cast(:before as jsonb) as before, cast(:after as jsonb) as after
				)
				insert into audit_log (at, actor, action, entity_type, entity_id, before, after, previous_hash, hash)
				select row.at, :actor, :action, :entityType, :entityId, row.before, row.after, previous.hash,
				       audit_hash(previous.hash, row.at, :actor, :action, :entityType, :entityId, row.before, row.after)
				from previous, row""")
			.param("genesis", GENESIS)
			.param("before", toJson(before))
			.param("after", toJson(after))
			.param("actor", actor)
			.param("action", action)
			.param("entityType", entityType)
			.param("entityId", entityId == null ? null : entityId.toString())
			.update();
	}

	static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return "system";
		}
		if (authentication.getPrincipal() instanceof CurrentUser user) {
			return user.email();
		}
		return authentication.getName();
	}

	private String toJson(Object value) {
		if (value == null) {
			return null;
		}
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("audit value is not serialisable: " + value.getClass(), ex);
		}
	}
}
