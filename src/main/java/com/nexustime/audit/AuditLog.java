package com.nexustime.audit;

import java.util.UUID;

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
 * and its audit record commit or roll back together. An append does no chain work: it takes no lock and reads
 * no other record, so saves run side by side; {@link AuditSealer} chains the committed records afterwards.
 */
@Service
public class AuditLog {

	/**
	 * The append. The materialized CTE gives the transaction its id before the identity default hands out the
	 * record id; the sealer relies on that order (see {@link AuditSealer}).
	 */
	private static final String APPEND = """
			with tx as materialized (select pg_current_xact_id() as xact)
			insert into audit_log (actor, action, entity_type, entity_id, before, after, xact, nonce, mac)
			select :actor, :action, :entityType, :entityId, cast(:before as jsonb), cast(:after as jsonb), tx.xact,
			       cast(:nonce as uuid), :mac
			from tx""";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final AuditChain chain;

	AuditLog(JdbcClient jdbc, ObjectMapper json, AuditChain chain) {
		this.jdbc = jdbc;
		this.json = json;
		this.chain = chain;
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
		// the MAC covers the JSON's canonical form, so the database need not be asked how it will store it
		String beforeJson = toJson(before);
		String afterJson = toJson(after);
		String id = entityId == null ? null : entityId.toString();
		String nonce = UUID.randomUUID().toString();
		jdbc.sql(APPEND)
			.param("before", beforeJson)
			.param("after", afterJson)
			.param("actor", actor)
			.param("action", action)
			.param("entityType", entityType)
			.param("entityId", id)
			.param("nonce", nonce)
			.param("mac", chain.recordMac(nonce, actor, action, entityType, id, beforeJson, afterJson))
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
