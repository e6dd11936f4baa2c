package com.nexustime.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.workspace.Workspace;

/**
 * The rows of a client approval: {@code client_approval}, its {@code approval_line}s, the {@code approval_entry}s
 * it covers and its {@code approval_event}s. The approval steps reach these tables only through here. No
 * transaction of its own: every call joins the caller's.
 */
@Component
class ClientApprovalStore {

	private static final String SELECT = """
			select a.id, a.status, a.contact_id, c.name contact_name, a.owner_id, u.name owner_name, a.period_from,
			       a.period_to, a.grouping, a.message, a.snapshot_hash, a.pdf_hash, a.total_hours, a.total_amount,
			       a.expires_at, a.created_at, a.signature, a.decline_reason, a.decided_at, a.decided_ip,
			       a.process_instance_id, a.recipient_name, a.recipient_email
			  from client_approval a join contact c on c.id = a.contact_id join app_user u on u.id = a.owner_id
			""";

	/**
	 * The condition on {@code a} (the approval) that keeps what a reader may read: staff what they sent; managers
	 * also what covers an entry of someone who reports to them; admins and auditors everything. Parameters from
	 * {@link #scope}.
	 */
	private static final String IN_SCOPE = """
			(:all or a.owner_id = :reader or (:manager and exists (
			    select 1 from approval_entry ae join time_entry e on e.id = ae.entry_id
			      join app_user u on u.id = e.user_id
			     where ae.approval_id = a.id and u.manager_id = :reader)))""";

	private final JdbcClient jdbc;

	ClientApprovalStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---------------------------------------------------------------- sending

	/** Stores a new approval as sent (status SENT) and answers its id. */
	long insert(ApprovalRequest request, long ownerId, Instant expiresAt, String snapshot, String snapshotHash,
			List<ApprovalDocument.Line> lines, ClientApproval.Recipient recipient) {
		return jdbc.sql("""
				insert into client_approval (contact_id, owner_id, period_from, period_to, grouping, message,
				       expires_at, snapshot, snapshot_hash, total_hours, total_amount, recipient_name, recipient_email)
				values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?) returning id""")
			.params(request.getContactId(), ownerId, request.getFrom(), request.getTo(), request.getGrouping().name(),
					StringUtils.hasText(request.getMessage()) ? request.getMessage().trim() : null,
					Timestamp.from(expiresAt), snapshot, snapshotHash,
					ApprovalLines.totalHours(lines), ApprovalLines.totalAmount(lines), recipient.name(),
					recipient.email())
			.query(Long.class).single();
	}

	void insertLines(long approvalId, List<ApprovalDocument.Line> lines) {
		for (int i = 0; i < lines.size(); i++) {
			ApprovalDocument.Line line = lines.get(i);
			jdbc.sql("""
					insert into approval_line (approval_id, position, group_label, description, hours, rate, amount)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(approvalId, i + 1, line.group(), line.description(), line.hours(), line.rate(), line.amount())
				.update();
		}
	}

	/** One statement for all of them (each entry with the version that was sent). */
	void insertEntries(long approvalId, List<CoveredEntry> entries) {
		jdbc.sql("""
				insert into approval_entry (approval_id, entry_id, entry_version)
				select ?, e.id, e.version from unnest(cast(? as bigint[]), cast(? as integer[])) as e(id, version)""")
			.params(approvalId, entries.stream().map(CoveredEntry::id).toArray(Long[]::new),
					entries.stream().map(CoveredEntry::version).toArray(Integer[]::new))
			.update();
	}

	void storePdf(long approvalId, byte[] pdf, String pdfHash) {
		jdbc.sql("update client_approval set pdf = ?, pdf_hash = ? where id = ?").params(pdf, pdfHash, approvalId)
			.update();
	}

	void bindProcess(long approvalId, String processInstanceId) {
		jdbc.sql("update client_approval set process_instance_id = ? where id = ?").params(processInstanceId, approvalId)
			.update();
	}

	List<Long> entryIds(long approvalId) {
		return jdbc.sql("select entry_id from approval_entry where approval_id = ?").param(approvalId)
			.query(Long.class).list();
	}

	// ---------------------------------------------------------------- status moves

	/**
	 * The approval's status, with its row locked until the caller's transaction ends; empty when there is no such
	 * approval.
	 */
	Optional<ClientApprovalService.Decision> lockStatus(long approvalId) {
		return jdbc.sql("select status, decline_reason from client_approval where id = ? for update").param(approvalId)
			.query(ClientApprovalService.Decision.class).optional();
	}

	/** SENT → {@code status} (CANCELLED or EXPIRED); false when it was no longer SENT. */
	boolean closeUndecided(long approvalId, String status) {
		return jdbc.sql("update client_approval set status = ?, version = version + 1 where id = ? and status = 'SENT'")
			.params(status, approvalId).update() > 0;
	}

	/** SENT → APPROVED with the typed signature; false when already decided, cancelled or expired. */
	boolean approve(long approvalId, String signature, String ip, String userAgent) {
		return jdbc.sql("""
				update client_approval set status = 'APPROVED', signature = ?, decided_at = now(), decided_ip = ?,
				       decided_user_agent = ?, version = version + 1
				 where id = ? and status = 'SENT'""")
			.params(signature, ip, userAgent, approvalId).update() > 0;
	}

	/** SENT → DECLINED with the client's reason; false when already decided, cancelled or expired. */
	boolean decline(long approvalId, String reason, String ip, String userAgent) {
		return jdbc.sql("""
				update client_approval set status = 'DECLINED', decline_reason = ?, decided_at = now(), decided_ip = ?,
				       decided_user_agent = ?, version = version + 1
				 where id = ? and status = 'SENT'""")
			.params(reason, ip, userAgent, approvalId).update() > 0;
	}

	/** The status of the approval a link opens, and whether its link's time is up. */
	record LinkState(long id, String status, boolean past) {
	}

	/** The approval a link opens (by the SHA-256 of its token) and its state, in one round trip; empty if none. */
	Optional<LinkState> linkStateByTokenHash(String tokenHash) {
		return jdbc.sql("""
				select a.id, a.status, a.expires_at < now() as past
				  from client_approval_link l join client_approval a on a.id = l.approval_id
				 where l.token_hash = ?""")
			.param(tokenHash)
			.query((rs, n) -> new LinkState(rs.getLong("id"), rs.getString("status"), rs.getBoolean("past")))
			.optional();
	}

	/** What the client's page shows of the decision, without the approval's lines (the document has them). */
	record Decided(String status, String signature, String declineReason, Instant decidedAt) {
	}

	Decided decided(long approvalId) {
		return jdbc.sql("select status, signature, decline_reason, decided_at from client_approval where id = ?")
			.param(approvalId)
			.query((rs, n) -> new Decided(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, "decided_at")))
			.single();
	}

	LinkState linkState(long approvalId) {
		Map<String, Object> row = jdbc.sql("select id, status, expires_at < now() as past from client_approval where id = ?")
			.param(approvalId).query().singleRow();
		return new LinkState(((Number) row.get("id")).longValue(), (String) row.get("status"),
				Boolean.TRUE.equals(row.get("past")));
	}

	// ---------------------------------------------------------------- evidence

	void event(long approvalId, String action, String ip, String userAgent, String signature, String reason) {
		jdbc.sql("""
				insert into approval_event (approval_id, action, ip, user_agent, signature, reason)
				values (?, ?, ?, ?, ?, ?)""")
			.params(approvalId, action, ip, userAgent, signature, reason).update();
	}

	/** A mail of the approval (sent, delivered, reminded, resent), naming the frozen address it went to. */
	void mailEvent(long approvalId, String action) {
		jdbc.sql("""
				insert into approval_event (approval_id, action, recipient)
				select id, ?, recipient_email from client_approval where id = ?""")
			.params(action, approvalId).update();
	}

	List<ApprovalEvent> events(long approvalId) {
		return jdbc.sql("""
				select action, at, ip, user_agent, signature, reason, recipient from approval_event
				 where approval_id = ? order by id""")
			.param(approvalId)
			.query((rs, n) -> new ApprovalEvent(rs.getString(1), instant(rs, "at"), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

	/** True when a covered entry was edited (its version moved) or deleted after sending. */
	boolean changedSinceSent(long approvalId) {
		return jdbc.sql("""
				select exists (select 1 from approval_entry ae left join time_entry e on e.id = ae.entry_id
				                where ae.approval_id = ? and (e.id is null or e.version <> ae.entry_version))""")
			.param(approvalId).query(Boolean.class).single();
	}

	String snapshot(long approvalId) {
		return jdbc.sql("select snapshot::text from client_approval where id = ?").param(approvalId)
			.query(String.class).single();
	}

	Optional<byte[]> pdf(long approvalId) {
		return jdbc.sql("select pdf from client_approval where id = ?").param(approvalId).query(byte[].class).optional();
	}

	/**
	 * What the PDF and the mail show, from the stored lines (never live entries) and the workspace's branding. The
	 * addressee is the recipient frozen at send time, never the contact's current address.
	 */
	ApprovalDocument document(long approvalId, Workspace settings) {
		List<ApprovalDocument.Line> lines = lines(approvalId);
		return jdbc.sql("""
				select a.id, a.recipient_name contact_name, a.recipient_email contact_email, c.company, u.name owner_name, a.period_from,
				       a.period_to, a.grouping, a.message, a.total_hours, a.total_amount, a.snapshot_hash, a.created_at,
				       a.expires_at
				  from client_approval a join contact c on c.id = a.contact_id join app_user u on u.id = a.owner_id
				 where a.id = ?""")
			.param(approvalId)
			.query((rs, n) -> new ApprovalDocument(rs.getLong("id"), settings.name(), settings.brandColor(),
					settings.logoUrl(), StringUtils.hasText(settings.senderName()) ? settings.senderName() : settings.name(),
					settings.currency().trim(), rs.getString("contact_name"), rs.getString("contact_email"),
					rs.getString("company"), rs.getString("owner_name"), rs.getObject("period_from", LocalDate.class),
					rs.getObject("period_to", LocalDate.class), rs.getString("grouping"), rs.getString("message"), lines,
					rs.getBigDecimal("total_hours"), rs.getBigDecimal("total_amount"), rs.getString("snapshot_hash"),
					instant(rs, "created_at"), instant(rs, "expires_at")))
			.optional().orElseThrow(() -> new NotFoundException("Client approval", approvalId));
	}

	// ---------------------------------------------------------------- reading

	Optional<ClientApproval> find(long approvalId) {
		return jdbc.sql(SELECT + " where a.id = ?").param(approvalId).query(this::map).optional();
	}

	/** The approval if {@code reader} may read it (see {@link #IN_SCOPE}), else 404 as if it did not exist. */
	ClientApproval visible(CurrentUser reader, long approvalId) {
		return jdbc.sql(SELECT + " where a.id = :id and " + IN_SCOPE).param("id", approvalId).params(scope(reader))
			.query(this::map).optional().orElseThrow(() -> new NotFoundException("Client approval", approvalId));
	}

	/** The approvals {@code reader} may read, newest first. */
	List<ClientApproval> list(CurrentUser reader, Long contactId) {
		return jdbc.sql(SELECT + " where (cast(:contact as bigint) is null or a.contact_id = :contact) and " + IN_SCOPE
				+ " order by a.created_at desc, a.id desc limit 500")
			.param("contact", contactId).params(scope(reader))
			.query(this::map).list();
	}

	/** Those {@code reader} may read that wait for the client or were declined lately; waiting first, then newest. */
	List<ClientApprovalService.Outstanding> outstanding(CurrentUser reader, int declinedDays, int limit) {
		return jdbc.sql("""
				select a.id, a.status, c.name contact_name, u.name owner_name, a.period_from, a.period_to,
				       a.total_amount, a.created_at, a.decided_at, a.decline_reason
				  from client_approval a join contact c on c.id = a.contact_id join app_user u on u.id = a.owner_id
				 where (a.status = 'SENT'
				        or (a.status = 'DECLINED' and a.decided_at >= now() - make_interval(days => :days)))
				   and """ + IN_SCOPE + " " + """
				 order by (a.status = 'SENT') desc, a.created_at desc, a.id desc
				 limit :limit""")
			.param("days", declinedDays).param("limit", limit).params(scope(reader))
			.query((rs, n) -> new ClientApprovalService.Outstanding(rs.getLong("id"), rs.getString("status"),
					rs.getString("contact_name"), rs.getString("owner_name"), rs.getObject("period_from", LocalDate.class),
					rs.getObject("period_to", LocalDate.class), rs.getBigDecimal("total_amount"),
					instant(rs, "created_at"), instant(rs, "decided_at"), rs.getString("decline_reason")))
			.list();
	}

	/** The approval the process instance was started for, if any. */
	Optional<Long> ofProcess(String processInstanceId) {
		return jdbc.sql("select id from client_approval where process_instance_id = ?").param(processInstanceId)
			.query(Long.class).optional();
	}

	private static Map<String, Object> scope(CurrentUser reader) {
		return Map.of("all", reader.has(Role.ADMIN) || reader.has(Role.AUDITOR), "reader", reader.id(), "manager",
				reader.has(Role.MANAGER));
	}

	private List<ApprovalDocument.Line> lines(long approvalId) {
		return jdbc.sql("""
				select group_label, description, hours, rate, amount from approval_line
				 where approval_id = ? order by position""")
			.param(approvalId)
			.query((r, n) -> new ApprovalDocument.Line(r.getString(1), r.getString(2), r.getBigDecimal(3),
					r.getBigDecimal(4), r.getBigDecimal(5)))
			.list();
	}

	private ClientApproval map(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		return new ClientApproval(id, rs.getString("status"), rs.getLong("contact_id"),
				rs.getString("contact_name"), rs.getLong("owner_id"), rs.getString("owner_name"),
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
				Grouping.valueOf(rs.getString("grouping")), rs.getString("message"), rs.getString("snapshot_hash"),
				rs.getString("pdf_hash"), lines(id), rs.getBigDecimal("total_hours"), rs.getBigDecimal("total_amount"),
				instant(rs, "expires_at"), instant(rs, "created_at"), rs.getString("signature"),
				rs.getString("decline_reason"), instant(rs, "decided_at"), rs.getString("decided_ip"),
				rs.getString("process_instance_id"),
				new ClientApproval.Recipient(rs.getString("recipient_name"), rs.getString("recipient_email")), null, null);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
