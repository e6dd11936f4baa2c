package com.nexustime.approval;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.nexustime.crm.PendingClientRequests;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * What the client-approval tables say about an entry, for the other modules: which request holds it (one still
 * waiting for the client, or the one the client signed), and the values the client signed for it. Week locking
 * asks the first so that what was sent stays what is signed; range invoicing asks the second so that what was
 * signed is what is billed. Read-only.
 */
@Component
public class PendingApprovals implements PendingClientRequests {

	private final JdbcClient jdbc;

	private final WorkspaceSettings workspace;

	PendingApprovals(JdbcClient jdbc, WorkspaceSettings workspace) {
		this.jdbc = jdbc;
		this.workspace = workspace;
	}

	/**
	 * A request holding an entry. {@code signed} is false while it waits for the client (status SENT) and true once
	 * the client approved it; {@code description} names it for the person refused, e.g. "the client approval sent
	 * to Dana Client on 2026-11-30 (request 12)".
	 */
	public record Holder(long approvalId, boolean signed, String description) {
	}

	/** The values of one entry as the client signed them (minutes null for money-only entries). */
	public record Signed(long approvalId, Integer minutes, BigDecimal rate, BigDecimal amount) {
	}

	/**
	 * The request that holds the entry: a pending one, or else the approved one. Declined, cancelled and expired
	 * requests hold nothing. An entry is taken by one request at a time (only OPEN entries are sent), so at most
	 * one pending or approved request covers it; the newest wins should old data say otherwise.
	 */
	public Optional<Holder> holding(long entryId) {
		ZoneId zone = workspace.current().zone();
		return jdbc.sql("""
				select a.id, a.status, c.name contact_name, a.created_at, a.decided_at
				  from approval_entry ae
				  join client_approval a on a.id = ae.approval_id
				  join contact c on c.id = a.contact_id
				 where ae.entry_id = ? and a.status in ('SENT', 'APPROVED')
				 order by (a.status = 'SENT') desc, a.id desc
				 limit 1""")
			.param(entryId).query((rs, n) -> holder(rs, zone)).optional();
	}

	/**
	 * The signed values of those of {@code entryIds} that an approved request covers, by entry id, read from the
	 * request's snapshot (the record the client saw and whose hash the signature carries), not from the entry.
	 */
	public Map<Long, Signed> signedValues(Collection<Long> entryIds) {
		if (entryIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Signed> signed = new HashMap<>();
		jdbc.sql("""
				select distinct on (ae.entry_id) ae.entry_id, a.id approval_id, x->>'minutes' minutes,
				       x->>'rate' rate, x->>'amount' amount
				  from approval_entry ae
				  join client_approval a on a.id = ae.approval_id and a.status = 'APPROVED'
				  cross join lateral jsonb_array_elements(a.snapshot -> 'entries') x
				 where ae.entry_id = any(?) and x->>'id' = ae.entry_id::text
				 order by ae.entry_id, a.id desc""")
			.param(entryIds.toArray(Long[]::new))
			.query((rs, n) -> Map.entry(rs.getLong("entry_id"), new Signed(rs.getLong("approval_id"),
					number(rs.getString("minutes"), Integer::valueOf), number(rs.getString("rate"), BigDecimal::new),
					number(rs.getString("amount"), BigDecimal::new))))
			.list().forEach(e -> signed.put(e.getKey(), e.getValue()));
		return signed;
	}

	private static <T> T number(String text, Function<String, T> parse) {
		return text == null ? null : parse.apply(text);
	}

	private static Holder holder(ResultSet rs, ZoneId zone) throws SQLException {
		long id = rs.getLong("id");
		boolean signed = "APPROVED".equals(rs.getString("status"));
		String contact = rs.getString("contact_name");
		String description = signed
				? "the client approval " + contact + " signed on " + date(rs, "decided_at", zone) + " (request " + id + ")"
				: "the client approval sent to " + contact + " on " + date(rs, "created_at", zone) + " (request " + id
						+ ")";
		return new Holder(id, signed, description);
	}

	private static String date(ResultSet rs, String column, ZoneId zone) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? "?" : at.toInstant().atZone(zone).toLocalDate().toString();
	}

	/**
	 * The requests still waiting for {@code contactId}'s decision, described for the person refused (e.g. "the
	 * client approval sent to Dana Client on 2026-11-30 (request 12)"), oldest first. The contacts module asks it
	 * before a client's address changes: a pending request's link went to the address it was sent to.
	 */
	@Override
	public List<String> pendingFor(long contactId) {
		ZoneId zone = workspace.current().zone();
		return jdbc.sql("""
				select a.id, a.status, a.recipient_name contact_name, a.created_at, a.decided_at
				  from client_approval a
				 where a.contact_id = ? and a.status = 'SENT'
				 order by a.id""")
			.param(contactId).query((rs, n) -> holder(rs, zone).description()).list();
	}
}
