package com.nexustime.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

import com.nexustime.system.ServerKey;

/**
 * How a sealed record's chain hash is made, in one place for the sealer that writes it and the verification
 * that recomputes it: {@code hash = HMAC-SHA256(server key for "audit-chain", previous hash, seq, record)}.
 * The key is not in the database, so someone who can only change the database cannot recompute a chain.
 */
@Component
class AuditChain {

	/** The hash the first seal names as its predecessor. */
	static final String GENESIS = "0".repeat(64);

	static final String PURPOSE = "audit-chain";

	/** The columns of {@code audit_log l} that a seal covers, as text exactly as they are hashed. */
	static final String CONTENT_COLUMNS = """
			l.id as record_id, l.at,
			to_char(l.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_text,
			l.actor, l.action, l.entity_type, l.entity_id, l.before::text as before_text, l.after::text as after_text,
			l.nonce::text as nonce, l.mac""";

	/** The key purpose of the MAC each record gets when the application appends it. */
	static final String RECORD_PURPOSE = "audit-record";

	private final ServerKey key;

	AuditChain(ServerKey key) {
		this.key = key;
	}

	/** One record's content as read with {@link #CONTENT_COLUMNS}. */
	record Content(long id, String at, String actor, String action, String entityType, String entityId,
			String before, String after, String nonce, String mac) {

		Content(long id, String at, String actor, String action, String entityType, String entityId, String before,
				String after) {
			this(id, at, actor, action, entityType, entityId, before, after, null, null);
		}

		static Content read(ResultSet rs) throws SQLException {
			return new Content(rs.getLong("record_id"), rs.getString("at_text"), rs.getString("actor"),
					rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
					rs.getString("before_text"), rs.getString("after_text"), rs.getString("nonce"), rs.getString("mac"));
		}
	}

	/**
	 * The MAC of a record as the application appends it: its nonce and content, the JSON exactly as PostgreSQL
	 * gives it back, so that the sealer can recompute it from the stored row.
	 */
	String recordMac(String nonce, String actor, String action, String entityType, String entityId, String before,
			String after) {
		return HexFormat.of().formatHex(key.mac(RECORD_PURPOSE,
				fields("r1", nonce, actor, action, entityType, entityId, before, after)));
	}

	/** Whether a stored record carries the MAC only the application could have given it. */
	boolean authentic(Content content) {
		return content.mac() != null && content.nonce() != null && MessageDigest.isEqual(
				content.mac().getBytes(StandardCharsets.US_ASCII),
				recordMac(content.nonce(), content.actor(), content.action(), content.entityType(), content.entityId(),
						content.before(), content.after()).getBytes(StandardCharsets.US_ASCII));
	}

	/** The chain hash of the record sealed at {@code seq} after a record whose chain hash is {@code previousHash}. */
	String link(String previousHash, long seq, Content content) {
		return HexFormat.of().formatHex(key.mac(PURPOSE, fields("v1", previousHash, Long.toString(seq),
				Long.toString(content.id()), content.at(), content.actor(), content.action(), content.entityType(),
				content.entityId(), content.before(), content.after())));
	}

	private static byte[] fields(String... fields) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		// each field length-prefixed, so no content can shift text from one field into another
		for (String field : fields) {
			if (field == null) {
				out.writeBytes("-;".getBytes(StandardCharsets.US_ASCII));
			}
			else {
				byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
				out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
				out.writeBytes(bytes);
				out.write(';');
			}
		}
		return out.toByteArray();
	}
}
