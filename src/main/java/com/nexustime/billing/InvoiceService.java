package com.nexustime.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import com.nexustime.approval.ClientApprovalService;
import com.nexustime.approval.InvoicedApprovals;
import com.nexustime.approval.PendingApprovals;
import com.nexustime.audit.AuditLog;
import com.nexustime.notify.Mailer;
import com.nexustime.rules.InvoiceCandidate;
import com.nexustime.rules.InvoicingRules;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.system.web.PublicAddress;
import com.nexustime.system.web.RuleViolationException;
import com.nexustime.tracking.EntryLifecycle;
import com.nexustime.tracking.EntryStatus;
import com.nexustime.workspace.Workspace;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * Invoices from time. An approved client approval becomes an invoice with exactly its lines; a client's
 * finalized entries in a date range become one with a line per project, activity and rate. Either way the
 * invoice, its lines, the record of its entries, the entries' move to BILLED and the next number of the year all
 * commit in one transaction, or none of it does. Admins and managers bill; auditors read; nobody else sees
 * invoices.
 */
@Service
public class InvoiceService {

	static final String ENTITY = "Invoice";

	/** The user task of client-approval.bpmn that an invoice made from the approval completes. */
	static final String CONVERT_TASK = "ConvertToInvoice";

	private final JdbcClient jdbc;

	private final WorkspaceSettings workspace;

	private final AuditLog audit;

	private final TaskService tasks;

	private final InvoicePdf pdfRenderer;

	private final Mailer mailer;

	private final PublicAddress publicAddress;

	private final PendingApprovals approvals;

	private final ClientApprovalService clientApprovals;

	private final InvoicingRules invoicing;

	private final InvoicedApprovals invoicedApprovals;

	private final EntryLifecycle lifecycle;

	InvoiceService(JdbcClient jdbc, WorkspaceSettings workspace, AuditLog audit, TaskService tasks,
			InvoicePdf pdfRenderer, Mailer mailer, PublicAddress publicAddress, PendingApprovals approvals,
			ClientApprovalService clientApprovals, InvoicingRules invoicing, InvoicedApprovals invoicedApprovals,
			EntryLifecycle lifecycle) {
		this.invoicing = invoicing;
		this.clientApprovals = clientApprovals;
		this.invoicedApprovals = invoicedApprovals;
		this.lifecycle = lifecycle;
		this.jdbc = jdbc;
		this.workspace = workspace;
		this.audit = audit;
		this.tasks = tasks;
		this.pdfRenderer = pdfRenderer;
		this.mailer = mailer;
		this.publicAddress = publicAddress;
		this.approvals = approvals;
	}

	// ---------------------------------------------------------------- making invoices

	@Transactional
	public Invoice fromTime(CurrentUser user, InvoiceRequest request) {
		requireBiller(user);
		if (request.fromApproval()) {
			return fromApproval(user, request.getApprovalId());
		}
		return fromRange(user, request.getContactId(), request.getFrom(), request.getTo());
	}

	/** From an approved client approval; completes the owner's "Convert to invoice" task when it is open. */
	@Transactional
	public Invoice fromApproval(CurrentUser user, long approvalId) {
		requireBiller(user);
		// what a biller may not read they may not bill either: 404, as for reading it
		clientApprovals.get(user, approvalId);
		Invoice invoice = convertApproval(approvalId, user.id());
		completeConvertTask(approvalId, invoice);
		return invoice;
	}

	/**
	 * The process's way in: completing the "Convert to invoice" task, or the automatic billing step. Answers the
	 * approval's live invoice when it has one already, so a retried job or a task completed after the invoice was
	 * made changes nothing.
	 */
	@Transactional
	public Invoice forApprovalInProcess(long approvalId, Long actorId) {
		lockApproval(approvalId);
		Optional<Long> live = liveInvoiceId(approvalId);
		if (live.isPresent()) {
			return load(live.get());
		}
		return convertApproval(approvalId, actorId);
	}

	/**
	 * A client's entries dated {@code from}–{@code to} that are finalized (client-approved or finalized by an
	 * admin) and on no invoice, and that the invoicing rules ({@code rules/invoicing.drl}) let be invoiced.
	 */
	@Transactional
	public Invoice fromRange(CurrentUser user, long contactId, LocalDate from, LocalDate to) {
		requireBiller(user);
		if (to.isBefore(from)) {
			throw new RuleViolationException("to", "the last day is before the first day");
		}
		String contactName = jdbc.sql("select name from contact where id = ?").param(contactId).query(String.class)
			.optional().orElseThrow(() -> new RuleViolationException("contactId", "no client with id " + contactId));
		// tracking locks them in id order, as on the approval path, so two conversions never wait for each other
		// in a circle; asked again once locked, a conversion that waited no longer sees what the other one billed.
		// Only the lifecycle is filtered here (finalized, on no invoice); whether an entry may be invoiced is the
		// rules' question below.
		java.util.function.Supplier<List<Dated>> finalized = () -> jdbc.sql("""
				select e.id, e.type, e.user_id, e.entry_date, e.project_id, p.status project_status, e.activity_id,
				       act.category, e.billable, e.not_invoiced, p.name project_name, act.name activity_name,
				       coalesce(e.description, e.notes) text, e.minutes, e.rate, e.amount
				  from time_entry e
				  join project p on p.id = e.project_id
				  left join activity act on act.id = e.activity_id
				 where p.contact_id = ? and e.entry_date between ? and ?
				   and e.status = 'FINALIZED' and e.invoice_id is null
				 order by e.id""")
			.params(contactId, from, to)
			.query((rs, n) -> new Dated(rs.getObject("entry_date", LocalDate.class),
					new InvoiceLines.Billable(rs.getLong("id"), rs.getString("type"), rs.getString("project_name"),
							rs.getString("activity_name"), rs.getString("text"), (Integer) rs.getObject("minutes"),
							rs.getBigDecimal("rate"), rs.getBigDecimal("amount")),
					invoiceCandidate(rs)))
			.list();
		java.util.Set<Long> held = lifecycle.lock(finalized.get().stream().map(d -> d.entry().id()).toList()).stream()
			.map(EntryLifecycle.LockedEntry::id).collect(Collectors.toSet());
		List<Dated> found = finalized.get().stream().filter(d -> held.contains(d.entry().id())).toList();
		List<InvoiceLines.Billable> entries = invoicing.keepInvoiceable(found, Dated::candidate).stream()
			.sorted(Comparator.comparing(Dated::date).thenComparing(d -> d.entry().id()))
			.map(Dated::entry).toList();
		entries = asSigned(entries);
		if (entries.isEmpty()) {
			throw new ConflictException("nothing is billable: " + contactName + " has no finalized entries on no "
					+ "invoice that may be invoiced between " + from + " and " + to);
		}
		return create(contactId, null, from, to, null, InvoiceLines.of(entries),
				entries.stream().map(InvoiceLines.Billable::id).toList(), user.id());
	}

	/** The current row as the invoicing rules see it (the columns of the queries that fetch entries to bill). */
	private static InvoiceCandidate invoiceCandidate(ResultSet rs) throws SQLException {
		return new InvoiceCandidate(rs.getLong("id"), rs.getString("type"), rs.getLong("project_id"),
				rs.getString("project_status"), (Long) rs.getObject("activity_id"), rs.getString("activity_name"),
				rs.getString("category"), rs.getBoolean("billable"), rs.getBoolean("not_invoiced"));
	}

	private record Dated(LocalDate date, InvoiceLines.Billable entry, InvoiceCandidate candidate) {
	}

	/**
	 * Entries a client signed are billed with the minutes, rate and amount of the signed snapshot, not with what
	 * the entry holds now. The week-locking rules keep signed entries from changing; this holds even for an entry
	 * changed before those rules existed, or behind the application's back.
	 */
	private List<InvoiceLines.Billable> asSigned(List<InvoiceLines.Billable> entries) {
		Map<Long, PendingApprovals.Signed> signed = approvals
			.signedValues(entries.stream().map(InvoiceLines.Billable::id).toList());
		return entries.stream().map(e -> {
			PendingApprovals.Signed values = signed.get(e.id());
			return values == null ? e
					: new InvoiceLines.Billable(e.id(), e.type(), e.projectName(), e.activityName(), e.text(),
							values.minutes(), values.rate(), values.amount());
		}).toList();
	}

	private Invoice convertApproval(long approvalId, Long actorId) {
		Map<String, Object> approval = lockApproval(approvalId);
		String status = (String) approval.get("status");
		if (!"APPROVED".equals(status)) {
			throw new ConflictException("client approval " + approvalId + " is " + status
					+ "; only an approved one can be invoiced");
		}
		Optional<Long> live = liveInvoiceId(approvalId);
		if (live.isPresent()) {
			throw new ConflictException("client approval " + approvalId + " is already invoiced as "
					+ number(live.get()));
		}
		List<Invoice.Line> lines = jdbc.sql("""
				select position, group_label, description, hours, rate, amount from approval_line
				 where approval_id = ? order by position""")
			.param(approvalId).query(InvoiceService::line).list();
		List<Long> covered = jdbc.sql("select entry_id from approval_entry where approval_id = ? order by entry_id")
			.param(approvalId).query(Long.class).list();
		List<EntryLifecycle.LockedEntry> found = lifecycle.lock(covered);
		Map<Long, InvoiceCandidate> candidates = new java.util.HashMap<>();
		jdbc.sql("""
				select e.id, e.type, e.user_id, e.entry_date, e.project_id, p.status project_status, e.activity_id,
				       act.name activity_name, act.category, e.amount, e.billable, e.not_invoiced
				  from time_entry e
				  join project p on p.id = e.project_id
				  left join activity act on act.id = e.activity_id
				 where e.id in (select entry_id from approval_entry where approval_id = ?)
				 order by e.id""")
			.param(approvalId).query((rs, n) -> candidates.put(rs.getLong("id"), invoiceCandidate(rs))).list();
		if (found.size() != covered.size()) {
			throw new ConflictException((covered.size() - found.size()) + " of the entries client approval " + approvalId
					+ " covers no longer exist; the invoice would not match them");
		}
		for (EntryLifecycle.LockedEntry entry : found) {
			if (entry.status() != EntryStatus.FINALIZED || entry.invoiceId() != null) {
				throw new ConflictException("entry " + entry.id() + " of client approval " + approvalId + " is "
						+ entry.status() + (entry.invoiceId() == null ? "" : " on invoice " + number(entry.invoiceId()))
						+ ", not finalized and waiting for an invoice");
			}
		}
		// the client signed these entries, but whether they may be invoiced is still the rules' to say: an entry
		// they refuse now stops the whole conversion (the lines cannot drop it without disagreeing with the signature)
		Map<Long, String> refused = invoicing
			.refusals(found.stream().map(entry -> candidates.get(entry.id())).toList());
		if (!refused.isEmpty()) {
			Map.Entry<Long, String> first = refused.entrySet().iterator().next();
			throw new ConflictException("entry " + first.getKey() + " of client approval " + approvalId
					+ " may not be invoiced: " + first.getValue()
					+ (refused.size() > 1 ? " (and " + (refused.size() - 1) + " more)" : ""));
		}
		Invoice invoice = create(((Number) approval.get("contact_id")).longValue(), approvalId,
				(LocalDate) approval.get("period_from"), (LocalDate) approval.get("period_to"),
				(String) approval.get("snapshot_hash"), lines, covered, actorId);
		invoicedApprovals.invoiced(approvalId, invoice.id());
		return invoice;
	}

	private Invoice create(long contactId, Long approvalId, LocalDate from, LocalDate to, String snapshotHash,
			List<Invoice.Line> lines, List<Long> entryIds, Long createdBy) {
		Workspace settings = workspace.current();
		LocalDate issueDate = LocalDate.now(settings.zone());
		int year = issueDate.getYear();
		// the counter row stays locked until this transaction ends: numbers come in commit order, and a
		// conversion that rolls back gives its number back to the next one
		int sequence = jdbc.sql("""
				insert into invoice_counter (year, last) values (?, 1)
				on conflict (year) do update set last = invoice_counter.last + 1 returning last""")
			.param(year).query(Integer.class).single();
		String number = String.format("%d-%04d", year, sequence);
		long id = jdbc.sql("""
				insert into invoice (number, year, sequence, contact_id, approval_id, issue_date, period_from, period_to,
				                     total, currency, snapshot_hash, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(number, year, sequence, contactId, approvalId, issueDate, from, to, InvoiceLines.total(lines),
					settings.currency().trim(), snapshotHash, createdBy)
			.query(Long.class).single();
		for (Invoice.Line line : lines) {
			jdbc.sql("""
					insert into invoice_line (invoice_id, position, group_label, description, hours, rate, amount)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, line.position(), line.group(), line.description(), line.hours(), line.rate(), line.amount())
				.update();
		}
		String ids = entryIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
		jdbc.sql("insert into invoice_entry (invoice_id, entry_id) select ?, unnest(cast(? as bigint[]))")
			.params(id, ids).update();
		// status only, like the approval's moves: the version stays for "changed since sent"
		int billed = lifecycle.markBilled(id, issueDate, entryIds);
		if (billed != entryIds.size()) {
			throw new ConflictException("only " + billed + " of the " + entryIds.size() + " entries were still "
					+ "finalized and on no invoice; nothing was invoiced, try again");
		}
		Invoice created = load(id);
		audit.record("CREATE", ENTITY, id, null, created);
		return created;
	}

	/** Completes the approval's open "Convert to invoice" task; its listener finds the invoice made and stops. */
	private void completeConvertTask(long approvalId, Invoice invoice) {
		String processInstanceId = jdbc.sql("select process_instance_id from client_approval where id = ?")
			.param(approvalId).query(String.class).optional().orElse(null);
		if (processInstanceId == null) {
			return;
		}
		for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(CONVERT_TASK)
			.list()) {
			tasks.complete(task.getId(), Map.of("invoiceId", String.valueOf(invoice.id())));
		}
	}

	// ---------------------------------------------------------------- reading

	@Transactional(readOnly = true)
	public Invoice get(CurrentUser user, long id) {
		if (!reads(user)) {
			throw new NotFoundException("Invoice", id);
		}
		return load(id);
	}

	/** Newest first, without lines and entries. */
	@Transactional(readOnly = true)
	public List<Invoice> list(CurrentUser user, Long contactId) {
		if (!reads(user)) {
			throw new AccessDeniedException("only admins, managers and auditors see invoices");
		}
		return jdbc.sql(SELECT + """
				 where (cast(:contact as bigint) is null or i.contact_id = :contact)
				 order by i.id desc limit 500""")
			.param("contact", contactId).query(this::map).list();
	}

	@Transactional(readOnly = true)
	public byte[] pdf(CurrentUser user, long id) {
		return pdfRenderer.render(document(get(user, id)));
	}

	/** The approval's invoice unless voided, for the approval's page; empty for people who do not see invoices. */
	@Transactional(readOnly = true)
	public Optional<Invoice> liveForApproval(CurrentUser user, long approvalId) {
		if (!reads(user)) {
			return Optional.empty();
		}
		return liveInvoiceId(approvalId).map(this::load);
	}

	/** Every invoice made from the approval, voided ones included, oldest first; empty for those who may not read invoices. */
	@Transactional(readOnly = true)
	public List<Invoice> allForApproval(CurrentUser user, long approvalId) {
		if (!reads(user)) {
			return List.of();
		}
		return jdbc.sql("select id from invoice where approval_id = ? order by id").param(approvalId).query(Long.class)
			.list().stream().map(this::load).toList();
	}

	public boolean mayBill(CurrentUser user) {
		return user != null && (user.has(Role.ADMIN) || user.has(Role.MANAGER));
	}

	/** The workspace setting the client-approval process asks after the client approved. */
	@Transactional(readOnly = true)
	public boolean billsAutomatically() {
		return workspace.current().autoInvoice();
	}

	@Transactional(readOnly = true)
	public boolean isInvoiced(long approvalId) {
		return liveInvoiceId(approvalId).isPresent();
	}

	// ---------------------------------------------------------------- the invoice's life

	/** DRAFT → SENT: the client's mail with the PDF goes to the outbox in this transaction, sent off the request. */
	@Transactional
	public Invoice send(CurrentUser user, long id) {
		requireBiller(user);
		Invoice before = get(user, id);
		move(id, "update invoice set status = 'SENT', sent_at = now(), version = version + 1 where id = ? and status = 'DRAFT'",
				"only a draft can be sent");
		Invoice after = load(id);
		InvoiceDocument document = document(after);
		InvoiceMail.Composed mail = InvoiceMail.compose(document);
		mailer.queue(mail.to(), mail.subject(), mail.text(), mail.html(), mail.attachmentName(),
				pdfRenderer.render(document));
		audit.record("SEND", ENTITY, id, before, after);
		return after;
	}

	/** SENT → PAID. */
	@Transactional
	public Invoice pay(CurrentUser user, long id) {
		requireBiller(user);
		Invoice before = get(user, id);
		move(id, "update invoice set status = 'PAID', paid_at = now(), version = version + 1 where id = ? and status = 'SENT'",
				"only a sent invoice can be marked paid");
		Invoice after = load(id);
		audit.record("PAY", ENTITY, id, before, after);
		return after;
	}

	/**
	 * DRAFT or SENT → VOID. The number stays used; the entries go back to FINALIZED, free for a new invoice, and the
	 * approval it was made from may be invoiced again. Which entries it covered stays recorded.
	 */
	@Transactional
	public Invoice voidInvoice(CurrentUser user, long id, String reason) {
		requireBiller(user);
		Invoice before = get(user, id);
		String why = StringUtils.hasText(reason) ? reason.trim() : null;
		int changed = jdbc.sql("""
				update invoice set status = 'VOID', voided_at = now(), void_reason = ?, version = version + 1
				 where id = ? and status in ('DRAFT','SENT')""")
			.params(why, id).update();
		if (changed == 0) {
			throw new ConflictException("invoice " + before.number() + " is " + currentStatus(id)
					+ "; only a draft or sent invoice can be voided");
		}
		lifecycle.unbill(id);
		invoicedApprovals.invoiceVoided(id);
		Invoice after = load(id);
		audit.record("VOID", ENTITY, id, before, after);
		return after;
	}

	// ---------------------------------------------------------------- internals

	private static final String SELECT = """
			select i.id, i.number, i.status, i.contact_id, c.name contact_name, i.approval_id, i.issue_date,
			       i.period_from, i.period_to, i.currency, i.total, i.snapshot_hash, i.created_by, i.created_at,
			       i.sent_at, i.paid_at, i.voided_at, i.void_reason, i.version,
			       (select count(*) from invoice_entry ie where ie.invoice_id = i.id) entry_count
			  from invoice i join contact c on c.id = i.contact_id
			""";

	/** A conditional status move: the second of two concurrent sends, pays or voids changes nothing and hears why. */
	private void move(long id, String update, String rule) {
		if (jdbc.sql(update).param(id).update() == 0) {
			throw new ConflictException("invoice " + number(id) + " is " + currentStatus(id) + "; " + rule);
		}
	}

	private String currentStatus(long id) {
		return jdbc.sql("select status from invoice where id = ?").param(id).query(String.class).single();
	}

	private String number(long id) {
		return jdbc.sql("select number from invoice where id = ?").param(id).query(String.class).single();
	}

	private Map<String, Object> lockApproval(long approvalId) {
		return invoicedApprovals.lock(approvalId)
			.map(a -> Map.<String, Object>of("status", a.status(), "contact_id", a.contactId(), "period_from", a.from(),
					"period_to", a.to(), "snapshot_hash", a.snapshotHash()))
			.orElseThrow(() -> new NotFoundException("Client approval", approvalId));
	}

	private Optional<Long> liveInvoiceId(long approvalId) {
		return jdbc.sql("select id from invoice where approval_id = ? and status <> 'VOID'").param(approvalId)
			.query(Long.class).optional();
	}

	private Invoice load(long id) {
		Invoice invoice = jdbc.sql(SELECT + " where i.id = ?").param(id).query(this::map).optional()
			.orElseThrow(() -> new NotFoundException("Invoice", id));
		List<Invoice.Line> lines = jdbc.sql("""
				select position, group_label, description, hours, rate, amount from invoice_line
				 where invoice_id = ? order by position""")
			.param(id).query(InvoiceService::line).list();
		List<Long> entries = jdbc.sql("select entry_id from invoice_entry where invoice_id = ? order by entry_id")
			.param(id).query(Long.class).list();
		return invoice.withDetails(lines, entries);
	}

	private InvoiceDocument document(Invoice invoice) {
		Workspace settings = workspace.current();
		Map<String, Object> contact = jdbc.sql("select name, email, company from contact where id = ?")
			.param(invoice.contactId()).query().singleRow();
		return new InvoiceDocument(invoice, settings.name(), settings.brandColor(),
				StringUtils.hasText(settings.senderName()) ? settings.senderName() : settings.name(),
				(String) contact.get("name"), (String) contact.get("email"), (String) contact.get("company"));
	}

	private Invoice map(ResultSet rs, int row) throws SQLException {
		Long approvalId = (Long) rs.getObject("approval_id");
		return new Invoice(rs.getLong("id"), rs.getString("number"), rs.getString("status"), rs.getLong("contact_id"),
				rs.getString("contact_name"), approvalId,
				approvalId == null ? null : publicAddress.of("/approvals/" + approvalId),
				rs.getObject("issue_date", LocalDate.class), rs.getObject("period_from", LocalDate.class),
				rs.getObject("period_to", LocalDate.class), rs.getString("currency").trim(), null,
				rs.getBigDecimal("total"), null, rs.getInt("entry_count"), rs.getString("snapshot_hash"),
				(Long) rs.getObject("created_by"), instant(rs, "created_at"), instant(rs, "sent_at"),
				instant(rs, "paid_at"), instant(rs, "voided_at"), rs.getString("void_reason"), rs.getInt("version"));
	}

	private static Invoice.Line line(ResultSet rs, int row) throws SQLException {
		return new Invoice.Line(rs.getInt("position"), rs.getString("group_label"), rs.getString("description"),
				rs.getBigDecimal("hours"), rs.getBigDecimal("rate"), rs.getBigDecimal("amount"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static boolean reads(CurrentUser user) {
		return user != null && (user.has(Role.ADMIN) || user.has(Role.MANAGER) || user.has(Role.AUDITOR));
	}

	private void requireBiller(CurrentUser user) {
		if (!mayBill(user)) {
			throw new AccessDeniedException("only admins and managers make and change invoices");
		}
	}
}
