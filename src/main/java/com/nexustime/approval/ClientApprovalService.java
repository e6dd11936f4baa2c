package com.nexustime.approval;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import com.nexustime.audit.AuditLog;
import com.nexustime.rules.InvoiceCandidate;
import com.nexustime.rules.InvoicingRules;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.system.web.RuleViolationException;
import com.nexustime.tracking.EntryLifecycle;
import com.nexustime.workspace.Workspace;
import com.nexustime.workflow.ProcessTrail;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * Client e-approval: freezes the matching entries into a hashed snapshot and PDF, opens the approval to the
 * links mailed to the client ({@link ApprovalLinks}; the sender never gets one), records every view and the one
 * decision, and moves the covered entries along (IN_PROCESS while pending, FINALIZED on approval, back to OPEN
 * otherwise). The client-approval process decides when to mail, remind and expire; this service does what each
 * step means. A sender sends only time they answer for: staff their own, managers also their reports', admins
 * anyone's.
 */
@Service
public class ClientApprovalService {

	private static final Logger log = LoggerFactory.getLogger(ClientApprovalService.class);

	static final String PROCESS = "client-approval";

	static final String DECIDED_MESSAGE = "ClientDecided";

	static final String CANCELLED_MESSAGE = "ApprovalCancelled";

	static final String ENTITY = "ClientApproval";

	/** Sorted keys and no whitespace: the same snapshot always serialises to the same bytes, hence the same hash. */
	private static final ObjectMapper CANONICAL = new ObjectMapper()
		.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

	private final JdbcClient jdbc;

	private final RuntimeService runtime;

	private final WorkspaceSettings workspace;

	private final ApprovalPdf pdfRenderer;

	private final AuditLog audit;

	private final ProcessTrail processTrail;

	private final ApprovalLinks links;

	private final InvoicingRules invoicing;

	private final EntryLifecycle lifecycle;

	ClientApprovalService(JdbcClient jdbc, RuntimeService runtime, WorkspaceSettings workspace, ApprovalPdf pdfRenderer,
			AuditLog audit, ProcessTrail processTrail, ApprovalLinks links, InvoicingRules invoicing,
			EntryLifecycle lifecycle) {
		this.invoicing = invoicing;
		this.jdbc = jdbc;
		this.lifecycle = lifecycle;
		this.processTrail = processTrail;
		this.runtime = runtime;
		this.workspace = workspace;
		this.pdfRenderer = pdfRenderer;
		this.audit = audit;
		this.links = links;
	}

	// ---------------------------------------------------------------- owner side

	/** The lines {@code sender} would send now, without locking or creating anything. */
	@Transactional(readOnly = true)
	public List<ApprovalDocument.Line> preview(CurrentUser sender, ApprovalRequest request) {
		checkRange(request);
		return ApprovalLines.of(matching(sender, request, false), request.getGrouping());
	}

	/**
	 * Sends the sender's matching entries for approval. The answer carries no link: the process mails it to the
	 * contact, and only there does it exist.
	 */
	@Transactional
	public ClientApproval create(CurrentUser owner, ApprovalRequest request) {
		checkRange(request);
		// FOR SHARE: a change of the contact's address waits for this send, or this send for that change
		Map<String, Object> contact = jdbc.sql("select id, name, email from contact where id = ? for share")
			.param(request.getContactId()).query().listOfRows().stream().findFirst()
			.orElseThrow(() -> new RuleViolationException("contactId", "no client with id " + request.getContactId()));
		String recipientName = (String) contact.get("name");
		String recipientEmail = ((String) contact.get("email")).trim();
		refuseStaffMailbox(recipientEmail);
		// FOR UPDATE: a concurrent submission waits here and then no longer sees the entries this one takes
		List<CoveredEntry> entries = matching(owner, request, true);
		if (entries.isEmpty()) {
			throw new RuleViolationException("from", "no open entries that may be invoiced of "
					+ contact.get("name") + " between " + request.getFrom() + " and " + request.getTo()
					+ " that you may send (" + scopeName(owner) + ")");
		}
		List<ApprovalDocument.Line> lines = ApprovalLines.of(entries, request.getGrouping());
		Workspace settings = workspace.current();
		String snapshot = canonical(snapshot(request, lines, entries));
		String snapshotHash = sha256(snapshot.getBytes(StandardCharsets.UTF_8));
		Instant expiresAt = Instant.now().plus(settings.approvalLinkDays(), ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		long id = jdbc.sql("""
				insert into client_approval (contact_id, owner_id, period_from, period_to, grouping, message,
				       expires_at, snapshot, snapshot_hash, total_hours, total_amount, recipient_name, recipient_email)
				values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?) returning id""")
			.params(request.getContactId(), owner.id(), request.getFrom(), request.getTo(), request.getGrouping().name(),
					StringUtils.hasText(request.getMessage()) ? request.getMessage().trim() : null,
					Timestamp.from(expiresAt), snapshot, snapshotHash,
					ApprovalLines.totalHours(lines), ApprovalLines.totalAmount(lines), recipientName, recipientEmail)
			.query(Long.class).single();
		for (int i = 0; i < lines.size(); i++) {
			ApprovalDocument.Line line = lines.get(i);
			jdbc.sql("""
					insert into approval_line (approval_id, position, group_label, description, hours, rate, amount)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, i + 1, line.group(), line.description(), line.hours(), line.rate(), line.amount()).update();
		}
		for (CoveredEntry entry : entries) {
			jdbc.sql("insert into approval_entry (approval_id, entry_id, entry_version) values (?, ?, ?)")
				.params(id, entry.id(), entry.version()).update();
		}
		// status only: the version stays, so "changed since sent" compares what the owner edits, not this move
		lifecycle.markInProcess(entries.stream().map(CoveredEntry::id).toList());
		byte[] pdf = pdfRenderer.render(document(id));
		jdbc.sql("update client_approval set pdf = ?, pdf_hash = ? where id = ?").params(pdf, sha256(pdf), id).update();
		mailEvent(id, "SENT");
		// no link among the variables: whoever reads the engine's variables must not be able to sign
		String processInstanceId = runtime.startProcessInstanceByKey(PROCESS, "approval:" + id,
				Map.of("approvalId", String.valueOf(id), "ownerId", String.valueOf(owner.id()), "expiresAt",
						expiresAt.toString()))
			.getId();
		jdbc.sql("update client_approval set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
		ClientApproval created = find(id).orElseThrow();
		audit.record("CREATE", ENTITY, id, null, created);
		return created;
	}

	/** One submission with its evidence; 404 for people who may not see it. */
	@Transactional(readOnly = true)
	public ClientApproval get(CurrentUser user, long id) {
		ClientApproval approval = visible(user, id);
		return approval.withEvidence(changedSinceSent(id), events(id));
	}

	/** The steps its process took, oldest first, from the engine's history. */
	@Transactional(readOnly = true)
	public List<ProcessTrail.Step> history(CurrentUser user, long id) {
		return processTrail.steps(visible(user, id).processInstanceId());
	}

	/** Where its process stands, with the diagram and any incident; {@code null} without a process. */
	@Transactional(readOnly = true)
	public ProcessTrail.Trail trail(CurrentUser user, long id) {
		return processTrail.trail(visible(user, id).processInstanceId());
	}

	/** The approvals {@code user} may read, newest first (see {@link #visible}). */
	@Transactional(readOnly = true)
	public List<ClientApproval> list(CurrentUser user, Long contactId) {
		return jdbc.sql(SELECT + " where (cast(:contact as bigint) is null or a.contact_id = :contact) and " + IN_SCOPE
				+ " order by a.created_at desc, a.id desc limit 500")
			.param("contact", contactId).params(scope(user))
			.query(this::map).list();
	}

	/** The snapshot as stored, for someone who may see the submission, checked against its send-time hash. */
	@Transactional(readOnly = true)
	public SubmissionSnapshot snapshot(CurrentUser user, long id) {
		ClientApproval approval = visible(user, id);
		String stored = jdbc.sql("select snapshot::text from client_approval where id = ?").param(id)
			.query(String.class).single();
		try {
			Object value = CANONICAL.readValue(stored, Object.class);
			String recomputed = sha256(canonical(value).getBytes(StandardCharsets.UTF_8));
			return new SubmissionSnapshot(id, CANONICAL.readTree(stored), approval.snapshotHash(), recomputed,
					recomputed.equals(approval.snapshotHash()));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("client_approval " + id + " holds a snapshot that does not parse", ex);
		}
	}

	/** The PDF as it was sent, for someone who may see the submission. */
	@Transactional(readOnly = true)
	public byte[] pdf(CurrentUser user, long id) {
		visible(user, id);
		return pdf(id);
	}

	/** Withdraws a pending submission: the link dies and the entries are editable again; 409 once decided. */
	@Transactional
	public void cancel(CurrentUser user, long id) {
		ClientApproval before = visible(user, id);
		if (!user.id().equals(before.ownerId()) && !user.isAdmin()) {
			throw new NotFoundException("Client approval", id);
		}
		int changed = jdbc.sql("update client_approval set status = 'CANCELLED', version = version + 1 where id = ? and status = 'SENT'")
			.param(id).update();
		if (changed == 0) {
			String status = find(id).map(ClientApproval::status).orElse("unknown");
			throw new ConflictException("the approval is already " + status.toLowerCase() + " and cannot be cancelled");
		}
		reopenEntries(id);
		event(id, "CANCELLED", null, null, null, null);
		correlate(before.processInstanceId(), CANCELLED_MESSAGE, Map.of());
		audit.record("CANCEL", ENTITY, id, before, find(id).orElseThrow());
	}

	/**
	 * The approval its owner or an admin may mail again: 404 for others, 409 once decided, cancelled or expired.
	 * Records the resend in the evidence; the caller mails the new link in the same transaction.
	 */
	@Transactional
	public ApprovalDocument resendable(CurrentUser user, long id) {
		ClientApproval approval = visible(user, id);
		if (!user.id().equals(approval.ownerId()) && !user.isAdmin()) {
			throw new NotFoundException("Client approval", id);
		}
		Decision state = lockStatus(id);
		boolean expired = approval.expiresAt() != null && approval.expiresAt().isBefore(Instant.now());
		if (!"SENT".equals(state.status()) || expired) {
			String status = expired && "SENT".equals(state.status()) ? "expired" : state.status().toLowerCase();
			throw new ConflictException("the approval is already " + status + ": there is no link to send again");
		}
		mailEvent(id, "RESENT");
		audit.record("RESEND", ENTITY, id, null, null);
		return document(id);
	}

	// ---------------------------------------------------------------- called by the process's delegates

	/**
	 * What the PDF and the mail show, from the stored lines (never live entries) and the workspace's branding. The
	 * addressee is the recipient frozen at send time, never the contact's current address.
	 */
	@Transactional(readOnly = true)
	public ApprovalDocument document(long approvalId) {
		Workspace settings = workspace.current();
		List<ApprovalDocument.Line> lines = jdbc.sql("""
				select group_label, description, hours, rate, amount from approval_line
				 where approval_id = ? order by position""")
			.param(approvalId)
			.query((rs, n) -> new ApprovalDocument.Line(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
					rs.getBigDecimal(4), rs.getBigDecimal(5)))
			.list();
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

	/**
	 * The approval's status, with its row locked until the caller's transaction ends: the mail job reads it
	 * before the process starts waiting, so a decision made meanwhile either comes first or waits for the job.
	 */
	@Transactional
	public Decision lockStatus(long approvalId) {
		return jdbc.sql("select status, decline_reason from client_approval where id = ? for update").param(approvalId)
			.query(Decision.class).optional().orElseThrow(() -> new NotFoundException("Client approval", approvalId));
	}

	/** Where an approval stands, and the client's reason when they declined. */
	public record Decision(String status, String declineReason) {
	}

	/** The stored PDF bytes, exactly as hashed at send time. */
	@Transactional(readOnly = true)
	public byte[] pdf(long approvalId) {
		return jdbc.sql("select pdf from client_approval where id = ?").param(approvalId).query(byte[].class)
			.optional().orElseThrow(() -> new NotFoundException("Client approval", approvalId));
	}

	@Transactional
	public void recordDelivered(long approvalId) {
		mailEvent(approvalId, "DELIVERED");
	}

	@Transactional
	public void recordReminder(long approvalId) {
		mailEvent(approvalId, "REMINDED");
	}

	/** The link ran out before the client decided: entries editable again, the link answers 410. */
	@Transactional
	public void expire(long approvalId) {
		Optional<ClientApproval> before = find(approvalId);
		int changed = jdbc.sql("update client_approval set status = 'EXPIRED', version = version + 1 where id = ? and status = 'SENT'")
			.param(approvalId).update();
		if (changed == 0) {
			return; // decided or cancelled meanwhile: nothing expires
		}
		reopenEntries(approvalId);
		event(approvalId, "EXPIRED", null, null, null, null);
		audit.recordAs("system", "EXPIRE", ENTITY, approvalId, before.orElse(null), find(approvalId).orElseThrow());
	}

	// ---------------------------------------------------------------- the client's link

	/** Opens the link and records the view; unknown, tampered or cancelled → 404, expired → 410. */
	@Transactional(noRollbackFor = LinkGoneException.class)
	public PublicApproval view(String token, String ip, String userAgent) {
		long id = live(token);
		event(id, "VIEWED", ip, userAgent, null, null);
		return publicView(id);
	}

	/**
	 * Approves with a typed-name signature. The conditional update lets exactly one decision through; a later
	 * approve or decline changes nothing and gets {@code false}. Entries finalize in the same transaction.
	 */
	@Transactional
	public boolean approve(String token, String signature, String ip, String userAgent) {
		long id = live(token);
		ClientApproval before = find(id).orElseThrow();
		int changed = jdbc.sql("""
				update client_approval set status = 'APPROVED', signature = ?, decided_at = now(), decided_ip = ?,
				       decided_user_agent = ?, version = version + 1
				 where id = ? and status = 'SENT'""")
			.params(signature.trim(), ip, userAgent, id).update();
		if (changed == 0) {
			return false;
		}
		event(id, "APPROVED", ip, userAgent, signature.trim(), null);
		lifecycle.approvedByClient(entryIds(id));
		correlate(before.processInstanceId(), DECIDED_MESSAGE, Map.of("decision", "APPROVED", "reason", ""));
		audit.recordAs("client " + ip, "APPROVE", ENTITY, id, before, find(id).orElseThrow());
		return true;
	}

	/** Declines with a reason; the entries are editable again. {@code false} when already decided. */
	@Transactional
	public boolean decline(String token, String reason, String ip, String userAgent) {
		long id = live(token);
		ClientApproval before = find(id).orElseThrow();
		int changed = jdbc.sql("""
				update client_approval set status = 'DECLINED', decline_reason = ?, decided_at = now(), decided_ip = ?,
				       decided_user_agent = ?, version = version + 1
				 where id = ? and status = 'SENT'""")
			.params(reason.trim(), ip, userAgent, id).update();
		if (changed == 0) {
			return false;
		}
		event(id, "DECLINED", ip, userAgent, null, reason.trim());
		reopenEntries(id);
		correlate(before.processInstanceId(), DECIDED_MESSAGE, Map.of("decision", "DECLINED", "reason", reason.trim()));
		audit.recordAs("client " + ip, "DECLINE", ENTITY, id, before, find(id).orElseThrow());
		return true;
	}

	/** The page after a decision attempt, without counting another view. */
	@Transactional(readOnly = true)
	public PublicApproval shown(String token) {
		return publicView(live(token));
	}

	// ---------------------------------------------------------------- internals

	private static final String SELECT = """
			select a.id, a.status, a.contact_id, c.name contact_name, a.owner_id, u.name owner_name, a.period_from,
			       a.period_to, a.grouping, a.message, a.snapshot_hash, a.pdf_hash, a.total_hours, a.total_amount,
			       a.expires_at, a.created_at, a.signature, a.decline_reason, a.decided_at, a.decided_ip,
			       a.process_instance_id, a.recipient_name, a.recipient_email
			  from client_approval a join contact c on c.id = a.contact_id join app_user u on u.id = a.owner_id
			""";

	/**
	 * The entries {@code sender} may send: their own; a manager's also those of the people they manage; an
	 * admin's anyone's. Anyone else (an auditor) sends nothing.
	 */
	private List<CoveredEntry> matching(CurrentUser sender, ApprovalRequest request, boolean lock) {
		if (!sender.isAdmin() && !sender.has(Role.MANAGER) && !sender.has(Role.STAFF)) {
			throw new AccessDeniedException("only staff, managers and admins send hours for approval");
		}
		if (!lock) {
			return matching(sender, request);
		}
		// tracking locks the entries; asked again once locked, the answer is what still matches
		Set<Long> held = new HashSet<>();
		lifecycle.lock(matching(sender, request).stream().map(CoveredEntry::id).toList())
			.forEach(e -> held.add(e.id()));
		return matching(sender, request).stream().filter(e -> held.contains(e.id())).toList();
	}

	/**
	 * Only the lifecycle (open, on no invoice) and the sender's reach are filtered in SQL; whether an entry may be
	 * invoiced, and so be sent to the client, is the invoicing rules' question, asked once for all of them.
	 */
	private List<CoveredEntry> matching(CurrentUser sender, ApprovalRequest request) {
		List<Candidate> found = jdbc.sql("""
				select e.id, e.version, e.type, e.entry_date, u.name user_name, p.name project_name,
				       act.name activity_name, coalesce(e.description, e.notes) description, e.minutes, e.rate, e.amount,
				       e.user_id, e.project_id, p.status project_status, e.activity_id, act.category, e.billable,
				       e.not_invoiced
				  from time_entry e
				  join project p on p.id = e.project_id
				  join app_user u on u.id = e.user_id
				  left join activity act on act.id = e.activity_id
				 where p.contact_id = :contact and e.entry_date between :from and :to
				   and e.invoice_id is null and e.status = 'OPEN'
				   and (:everyone or e.user_id = :sender or (:manager and u.manager_id = :sender))
				 order by e.entry_date, e.id""")
			.param("contact", request.getContactId()).param("from", request.getFrom()).param("to", request.getTo())
			.param("everyone", sender.isAdmin()).param("sender", sender.id()).param("manager", sender.has(Role.MANAGER))
			.query((rs, n) -> new Candidate(new CoveredEntry(rs.getLong("id"), rs.getInt("version"), rs.getString("type"),
					rs.getObject("entry_date", LocalDate.class), rs.getString("user_name"), rs.getString("project_name"),
					rs.getString("activity_name"), rs.getString("description"), (Integer) rs.getObject("minutes"),
					rs.getBigDecimal("rate"), rs.getBigDecimal("amount")),
					new InvoiceCandidate(rs.getLong("id"), rs.getString("type"), rs.getLong("project_id"),
							rs.getString("project_status"), (Long) rs.getObject("activity_id"),
							rs.getString("activity_name"), rs.getString("category"), rs.getBoolean("billable"),
							rs.getBoolean("not_invoiced"))))
			.list();
		return invoicing.keepInvoiceable(found, Candidate::asInvoiced).stream().map(Candidate::entry).toList();
	}

	private record Candidate(CoveredEntry entry, InvoiceCandidate asInvoiced) {
	}

	private static String scopeName(CurrentUser sender) {
		return sender.isAdmin() ? "anyone's" : sender.has(Role.MANAGER) ? "yours and your reports'" : "your own";
	}

	private static void checkRange(ApprovalRequest request) {
		if (request.getTo().isBefore(request.getFrom())) {
			throw new RuleViolationException("to", "the last day is before the first day");
		}
	}

	/** Everything the client is asked to approve, in plain values (strings for money) so it re-serialises stably. */
	private static Map<String, Object> snapshot(ApprovalRequest request, List<ApprovalDocument.Line> lines,
			List<CoveredEntry> entries) {
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
			value.put("minutes", entry.minutes());
			value.put("rate", plain(entry.rate()));
			value.put("amount", plain(entry.amount()));
			entryValues.add(value);
		}
		snapshot.put("entries", entryValues);
		return snapshot;
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

	private static String plain(java.math.BigDecimal value) {
		return value == null ? null : value.toPlainString();
	}

	/** The approval a link opens; 404 for unknown, tampered or cancelled links, 410 once it has expired. */
	private long live(String token) {
		if (token == null || token.length() > 100) {
			throw new NotFoundException("Approval link", "?");
		}
		long approvalId = links.approvalOf(token).orElseThrow(() -> new NotFoundException("Approval link", "?"));
		Map<String, Object> row = jdbc.sql("select id, status, expires_at < now() as past from client_approval where id = ?")
			.param(approvalId).query().singleRow();
		String status = (String) row.get("status");
		if ("CANCELLED".equals(status)) {
			throw new NotFoundException("Approval link", "?");
		}
		if ("EXPIRED".equals(status) || ("SENT".equals(status) && Boolean.TRUE.equals(row.get("past")))) {
			throw new LinkGoneException();
		}
		return ((Number) row.get("id")).longValue();
	}

	private PublicApproval publicView(long id) {
		ClientApproval approval = find(id).orElseThrow();
		return new PublicApproval(id, document(id), approval.status(), approval.signature(), approval.declineReason(),
				approval.decidedAt());
	}

	private void reopenEntries(long id) {
		lifecycle.release(entryIds(id));
	}

	private List<Long> entryIds(long approvalId) {
		return jdbc.sql("select entry_id from approval_entry where approval_id = ?").param(approvalId)
			.query(Long.class).list();
	}

	/** Moves the process on if it waits for the message; a process not (yet) waiting must not undo the decision. */
	private void correlate(String processInstanceId, String message, Map<String, Object> variables) {
		if (processInstanceId == null) {
			return;
		}
		// checked first: a failed correlation inside this transaction would mark it rollback-only
		boolean waiting = runtime.createExecutionQuery().processInstanceId(processInstanceId)
			.messageEventSubscriptionName(message).count() > 0;
		if (!waiting) {
			log.warn("process {} does not wait for {}; the decision is stored, the process is not moved", processInstanceId,
					message);
			return;
		}
		runtime.createMessageCorrelation(message).processInstanceId(processInstanceId)
			.setVariables(new LinkedHashMap<>(variables)).correlateWithResult();
	}

	private void event(long id, String action, String ip, String userAgent, String signature, String reason) {
		jdbc.sql("""
				insert into approval_event (approval_id, action, ip, user_agent, signature, reason)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, action, ip, userAgent, signature, reason).update();
	}

	/** A mail of the approval (sent, delivered, reminded, resent), naming the frozen address it went to. */
	private void mailEvent(long id, String action) {
		jdbc.sql("""
				insert into approval_event (approval_id, action, recipient)
				select id, ?, recipient_email from client_approval where id = ?""")
			.params(action, id).update();
	}

	/**
	 * A client approval goes to the client: an address that belongs to a Nexus Time account (anyone's, whatever the
	 * role) would let a colleague read the link and sign in the client's name.
	 */
	private void refuseStaffMailbox(String email) {
		boolean staffMailbox = jdbc.sql("select exists (select 1 from app_user where lower(email) = lower(?))")
			.param(email).query(Boolean.class).single();
		if (staffMailbox) {
			throw new RuleViolationException("contactId", "the client's address belongs to a Nexus Time account; a "
					+ "client approval must go to the client (change the contact's email to the client's own)");
		}
	}

	private List<ApprovalEvent> events(long id) {
		return jdbc.sql("""
				select action, at, ip, user_agent, signature, reason, recipient from approval_event
				 where approval_id = ? order by id""")
			.param(id)
			.query((rs, n) -> new ApprovalEvent(rs.getString(1), instant(rs, "at"), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

	/** True when a covered entry was edited (its version moved) or deleted after sending. */
	private boolean changedSinceSent(long id) {
		return jdbc.sql("""
				select exists (select 1 from approval_entry ae left join time_entry e on e.id = ae.entry_id
				                where ae.approval_id = ? and (e.id is null or e.version <> ae.entry_version))""")
			.param(id).query(Boolean.class).single();
	}

	/**
	 * The approval if {@code user} may read it, else 404 (as if it did not exist). Reading follows sending: staff
	 * read what they sent; managers also what covers an entry of someone who reports to them; admins and auditors
	 * everything.
	 */
	private ClientApproval visible(CurrentUser user, long id) {
		return jdbc.sql(SELECT + " where a.id = :id and " + IN_SCOPE).param("id", id).params(scope(user))
			.query(this::map).optional().orElseThrow(() -> new NotFoundException("Client approval", id));
	}

	/** The condition on {@code a} (the approval) that keeps what the caller may read; parameters from {@link #scope}. */
	private static final String IN_SCOPE = """
			(:all or a.owner_id = :reader or (:manager and exists (
			    select 1 from approval_entry ae join time_entry e on e.id = ae.entry_id
			      join app_user u on u.id = e.user_id
			     where ae.approval_id = a.id and u.manager_id = :reader)))""";

	private static Map<String, Object> scope(CurrentUser user) {
		return Map.of("all", user.has(Role.ADMIN) || user.has(Role.AUDITOR), "reader", user.id(), "manager",
				user.has(Role.MANAGER));
	}

	private Optional<ClientApproval> find(long id) {
		return jdbc.sql(SELECT + " where a.id = ?").param(id).query(this::map).optional();
	}

	private ClientApproval map(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		List<ApprovalDocument.Line> lines = jdbc.sql("""
				select group_label, description, hours, rate, amount from approval_line
				 where approval_id = ? order by position""")
			.param(id)
			.query((r, n) -> new ApprovalDocument.Line(r.getString(1), r.getString(2), r.getBigDecimal(3),
					r.getBigDecimal(4), r.getBigDecimal(5)))
			.list();
		return new ClientApproval(id, rs.getString("status"), rs.getLong("contact_id"),
				rs.getString("contact_name"), rs.getLong("owner_id"), rs.getString("owner_name"),
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
				Grouping.valueOf(rs.getString("grouping")), rs.getString("message"), rs.getString("snapshot_hash"),
				rs.getString("pdf_hash"), lines, rs.getBigDecimal("total_hours"), rs.getBigDecimal("total_amount"),
				instant(rs, "expires_at"), instant(rs, "created_at"), rs.getString("signature"),
				rs.getString("decline_reason"), instant(rs, "decided_at"), rs.getString("decided_ip"),
				rs.getString("process_instance_id"),
				new ClientApproval.Recipient(rs.getString("recipient_name"), rs.getString("recipient_email")), null, null);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	/**
	 * The approval whose client-approval process is {@code processInstanceId}, as the app started it. Refuses
	 * (and logs) an instance that no approval names, and variables ({@code named}, may be null) naming another
	 * approval: a process step acts on its own instance's approval only.
	 */
	@Transactional(readOnly = true)
	public long approvalOfProcess(String processInstanceId, String named) {
		Long bound = jdbc.sql("select id from client_approval where process_instance_id = ?").param(processInstanceId)
			.query(Long.class).optional().orElse(null);
		String refusal = bound == null ? "no client approval is run by this process instance"
				: named != null && !named.equals(String.valueOf(bound))
						? "the process variables name approval " + named + ", but this instance runs approval " + bound
						: null;
		if (refusal != null) {
			log.warn("Refused a client-approval step of process instance {}: {}", processInstanceId, refusal);
			throw new ConflictException("the approval process may not do this: " + refusal);
		}
		return bound;
	}

	/** A client approval that needs someone's attention: still waiting for the client, or declined. */
	public record Outstanding(long id, String status, String contactName, String ownerName, LocalDate from,
			LocalDate to, BigDecimal totalAmount, Instant createdAt, Instant decidedAt, String declineReason) {
	}

	/**
	 * The approvals {@code user} may read (see {@link #visible}) that wait for the client, and those the client
	 * declined in the last {@code declinedDays} days; waiting ones first, then newest first. At most {@code limit}.
	 */
	@Transactional(readOnly = true)
	public List<Outstanding> outstanding(CurrentUser user, int declinedDays, int limit) {
		return jdbc.sql("""
				select a.id, a.status, c.name contact_name, u.name owner_name, a.period_from, a.period_to,
				       a.total_amount, a.created_at, a.decided_at, a.decline_reason
				  from client_approval a join contact c on c.id = a.contact_id join app_user u on u.id = a.owner_id
				 where (a.status = 'SENT'
				        or (a.status = 'DECLINED' and a.decided_at >= now() - make_interval(days => :days)))
				   and """ + IN_SCOPE + " " + """
				 order by (a.status = 'SENT') desc, a.created_at desc, a.id desc
				 limit :limit""")
			.param("days", declinedDays).param("limit", limit).params(scope(user))
			.query((rs, n) -> new Outstanding(rs.getLong("id"), rs.getString("status"), rs.getString("contact_name"),
					rs.getString("owner_name"), rs.getObject("period_from", LocalDate.class),
					rs.getObject("period_to", LocalDate.class), rs.getBigDecimal("total_amount"),
					instant(rs, "created_at"), instant(rs, "decided_at"), rs.getString("decline_reason")))
			.list();
	}
}
