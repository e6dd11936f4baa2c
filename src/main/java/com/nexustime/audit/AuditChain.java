package com.nexustime.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

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

	/** Reads JSON with every number exact, so the canonical form does not depend on who wrote the text. */
	private static final JsonMapper EXACT = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
		.nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
		.build();

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
	 * The MAC of a record as the application appends it: its nonce and content, the JSON in its canonical form
	 * ({@link #canonical}), which the application computes from the text it writes and verification from the text
	 * PostgreSQL gives back, so the append needs no round trip to learn how the database will store the JSON.
	 */
	String recordMac(String nonce, String actor, String action, String entityType, String entityId, String before,
			String after) {
		return HexFormat.of().formatHex(key.mac(RECORD_PURPOSE,
				fields("r2", nonce, actor, action, entityType, entityId, canonical(before), canonical(after))));
	}

	/**
	 * The MAC of records appended before the canonical form (version r1): over the JSON text exactly as
	 * PostgreSQL gave it back, which the append read in a statement of its own.
	 */
	String storedTextMac(String nonce, String actor, String action, String entityType, String entityId, String before,
			String after) {
		return HexFormat.of().formatHex(key.mac(RECORD_PURPOSE,
				fields("r1", nonce, actor, action, entityType, entityId, before, after)));
	}

	/** Whether a stored record carries the MAC only the application could have given it (either version). */
	boolean authentic(Content content) {
		if (content.mac() == null || content.nonce() == null) {
			return false;
		}
		byte[] stored = content.mac().getBytes(StandardCharsets.US_ASCII);
		String canonicalMac;
		try {
			canonicalMac = recordMac(content.nonce(), content.actor(), content.action(), content.entityType(),
					content.entityId(), content.before(), content.after());
		}
		catch (IllegalArgumentException unreadable) {
			canonicalMac = "";
		}
		return MessageDigest.isEqual(stored, canonicalMac.getBytes(StandardCharsets.US_ASCII))
				|| MessageDigest.isEqual(stored, storedTextMac(content.nonce(), content.actor(), content.action(),
						content.entityType(), content.entityId(), content.before(), content.after())
					.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * One text for every spelling of the same JSON value: object keys sorted, no white space, strings with
	 * Jackson's escaping, numbers exact and written out without an exponent ({@code 1.50} stays {@code 1.50},
	 * {@code 1E+3} becomes {@code 1000}, as PostgreSQL's jsonb stores them). {@code null} stays {@code null}.
	 */
	static String canonical(String json) {
		if (json == null) {
			return null;
		}
		try {
			StringWriter out = new StringWriter(json.length());
			try (JsonGenerator generator = EXACT.getFactory().createGenerator(out)) {
				write(EXACT.readTree(json), generator);
			}
			return out.toString();
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("audit content is not JSON", ex);
		}
	}

	private static void write(JsonNode node, JsonGenerator out) throws IOException {
		switch (node.getNodeType()) {
			case OBJECT -> {
				List<String> names = new ArrayList<>();
				node.fieldNames().forEachRemaining(names::add);
				Collections.sort(names);
				out.writeStartObject();
				for (String name : names) {
					out.writeFieldName(name);
					write(node.get(name), out);
				}
				out.writeEndObject();
			}
			case ARRAY -> {
				out.writeStartArray();
				for (JsonNode item : node) {
					write(item, out);
				}
				out.writeEndArray();
			}
			case NUMBER -> out.writeRawValue(node.isIntegralNumber() ? node.bigIntegerValue().toString()
					: node.decimalValue().toPlainString());
			case STRING -> out.writeString(node.textValue());
			case BOOLEAN -> out.writeBoolean(node.booleanValue());
			case NULL -> out.writeNull();
			default -> throw new IllegalArgumentException("not JSON content: " + node.getNodeType());
		}
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
