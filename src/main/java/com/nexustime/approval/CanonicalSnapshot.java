package com.nexustime.approval;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The frozen record of what a client is asked to approve, in the one form that is hashed: plain values (strings
 * for money), keys sorted, no whitespace. The same snapshot always serialises to the same bytes, hence the same
 * hash, so the stored JSON can be checked against the hash recorded at send time.
 */
final class CanonicalSnapshot {

	private static final ObjectMapper CANONICAL = new ObjectMapper()
		.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

	private CanonicalSnapshot() {
	}

	/** Everything the client is asked to approve, serialised canonically. */
	static String of(ApprovalRequest request, List<ApprovalDocument.Line> lines, List<CoveredEntry> entries) {
		Map<String, Object> snapshot = new TreeMap<>();
		snapshot.put("contactId", String.valueOf(request.getContactId()));
		snapshot.put("from", request.getFrom().toString());
		snapshot.put("to", request.getTo().toString());
		snapshot.put("grouping", request.getGrouping().name());
		snapshot.put("totalHours", ApprovalLines.totalHours(lines).toPlainString());
		snapshot.put("totalAmount", ApprovalLines.totalAmount(lines).toPlainString());
		List<Map<String, Object>> lineValues = new ArrayList<>();
		for (ApprovalDocument.Line line : lines) {
			Map<String, Object> value = new TreeMap<>();
			value.put("group", line.group());
			value.put("description", line.description());
			value.put("hours", plain(line.hours()));
			value.put("rate", plain(line.rate()));
			value.put("amount", plain(line.amount()));
			lineValues.add(value);
		}
		snapshot.put("lines", lineValues);
		List<Map<String, Object>> entryValues = new ArrayList<>();
		for (CoveredEntry entry : entries) {
			Map<String, Object> value = new TreeMap<>();
			value.put("id", String.valueOf(entry.id()));
			value.put("type", entry.type());
			value.put("date", entry.date().toString());
			value.put("user", entry.userName());
			value.put("project", entry.projectName());
			value.put("activity", entry.activityName());
			value.put("description", entry.description());
			if (entry.rowNote() != null) {
				// only when there is one, so snapshots from before row notes keep their form
				value.put("rowNote", entry.rowNote());
			}
			value.put("minutes", entry.minutes());
			value.put("rate", plain(entry.rate()));
			value.put("amount", plain(entry.amount()));
			entryValues.add(value);
		}
		snapshot.put("entries", entryValues);
		return canonical(snapshot);
	}

	/** The snapshot as stored, hashed again in its canonical form and compared with the send-time hash. */
	static SubmissionSnapshot check(long approvalId, String stored, String sentHash) {
		try {
			Object value = CANONICAL.readValue(stored, Object.class);
			String recomputed = sha256(canonical(value).getBytes(StandardCharsets.UTF_8));
			return new SubmissionSnapshot(approvalId, CANONICAL.readTree(stored), sentHash, recomputed,
					recomputed.equals(sentHash));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("client_approval " + approvalId + " holds a snapshot that does not parse", ex);
		}
	}

	static String canonical(Object value) {
		try {
			return CANONICAL.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("snapshot not serialisable", ex);
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String plain(BigDecimal value) {
		return value == null ? null : value.toPlainString();
	}
}
