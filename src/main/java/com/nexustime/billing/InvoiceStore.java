package com.nexustime.billing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.nexustime.system.web.NotFoundException;
import com.nexustime.system.web.PublicAddress;

/**
 * The rows of an invoice: {@code invoice}, its {@code invoice_line}s, the {@code invoice_entry}s it bills and the
 * yearly {@code invoice_counter}. The billing steps reach these tables only through here. No transaction of its
 * own: every call joins the caller's.
 */
@Component
class InvoiceStore {

	private static final String SELECT = """
			select i.id, i.number, i.status, i.contact_id, c.name contact_name, i.approval_id, i.issue_date,
			       i.period_from, i.period_to, i.currency, i.total, i.snapshot_hash, i.created_by, i.created_at,
			       i.sent_at, i.paid_at, i.voided_at, i.void_reason, i.version,
			       (select count(*) from invoice_entry ie where ie.invoice_id = i.id) entry_count
			  from invoice i join contact c on c.id = i.contact_id
			""";

	/** The first key of the per-project advisory lock taken while a budget is billed. */
	private static final int BUDGET_LOCK = 0x0B0D6E7;

	private final JdbcClient jdbc;

	private final PublicAddress publicAddress;

	InvoiceStore(JdbcClient jdbc, PublicAddress publicAddress) {
		this.jdbc = jdbc;
		this.publicAddress = publicAddress;
	}

	// ---------------------------------------------------------------- making

	/**
	 * The next number of {@code year}. The counter row stays locked until the caller's transaction ends: numbers
	 * come in commit order, and a conversion that rolls back gives its number back to the next one.
	 */
	int nextSequence(int year) {
		return jdbc.sql("""
				insert into invoice_counter (year, last) values (?, 1)
				on conflict (year) do update set last = invoice_counter.last + 1 returning last""")
			.param(year).query(Integer.class).single();
	}

	/** A new draft's row; answers its id. Its number may come later in the same transaction ({@link #number}). */
	long insert(String number, Integer year, Integer sequence, long contactId, Long approvalId, LocalDate issueDate,
			LocalDate from, LocalDate to, BigDecimal total, String currency, String snapshotHash, Long createdBy) {
		return jdbc.sql("""
				insert into invoice (number, year, sequence, contact_id, approval_id, issue_date, period_from, period_to,
				                     total, currency, snapshot_hash, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(number, year, sequence, contactId, approvalId, issueDate, from, to, total, currency, snapshotHash,
					createdBy)
			.query(Long.class).single();
	}

	/** Numbers a draft written without its number in this transaction. */
	void number(long invoiceId, String number, int year, int sequence) {
		if (jdbc.sql("update invoice set number = ?, year = ?, sequence = ? where id = ? and number is null")
			.params(number, year, sequence, invoiceId).update() != 1) {
			throw new IllegalStateException("invoice " + invoiceId + " is not a draft of this transaction without a number");
		}
	}

	void insertLines(long invoiceId, List<Invoice.Line> lines) {
		for (Invoice.Line line : lines) {
			jdbc.sql("""
					insert into invoice_line (invoice_id, position, group_label, description, hours, rate, amount)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(invoiceId, line.position(), line.group(), line.description(), line.hours(), line.rate(),
						line.amount())
				.update();
		}
	}

	/** Marks the lines at {@code positions} (position → project) as billing that project's budget. */
	void markBudgetLines(long invoiceId, Map<Integer, Long> positions) {
		positions.forEach((position, projectId) -> jdbc
			.sql("update invoice_line set budget_project_id = ? where invoice_id = ? and position = ?")
			.params(projectId, invoiceId, position).update());
	}

	/**
	 * What the budget lines of invoices that are not void billed for each of the projects, by project id; projects
	 * without any are left out.
	 */
	/**
	 * Serialises budget billing per project until the caller's transaction ends, so two invoices made at once for
	 * different days of one project cannot both bill the whole budget. Ascending ids: no two callers wait in a circle.
	 */
	void lockBudgets(Collection<Long> projectIds) {
		projectIds.stream().distinct().sorted().forEach(id -> jdbc
			.sql("select pg_advisory_xact_lock(" + BUDGET_LOCK + ", cast(? as integer))").param(id)
			.query((rs, n) -> 1).list());
	}

	Map<Long, BigDecimal> budgetBilled(Collection<Long> projectIds) {
		return budgetBilled(projectIds, null, null);
	}

	/** The same, of the invoices issued from {@code from} to {@code to} when they are given. */
	Map<Long, BigDecimal> budgetBilled(Collection<Long> projectIds, LocalDate from, LocalDate to) {
		Map<Long, BigDecimal> billed = new HashMap<>();
		if (projectIds.isEmpty()) {
			return billed;
		}
		jdbc.sql("""
				select l.budget_project_id, sum(l.amount) amount
				  from invoice_line l join invoice i on i.id = l.invoice_id
				 where l.budget_project_id = any(:projects) and i.status <> 'VOID'
				   and (cast(:from as date) is null or i.issue_date >= :from)
				   and (cast(:to as date) is null or i.issue_date <= :to)
				 group by l.budget_project_id""")
			.param("projects", projectIds.stream().distinct().toArray(Long[]::new)).param("from", from).param("to", to)
			.query((rs, n) -> billed.put(rs.getLong("budget_project_id"), rs.getBigDecimal("amount"))).list();
		return billed;
	}

	/** Records which entries the invoice bills; this record stays when the invoice is voided. */
	void insertEntries(long invoiceId, List<Long> entryIds) {
		String ids = entryIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
		jdbc.sql("insert into invoice_entry (invoice_id, entry_id) select ?, unnest(cast(? as bigint[]))")
			.params(invoiceId, ids).update();
	}

	// ---------------------------------------------------------------- status moves

	/** DRAFT → SENT; false when it was not a draft. */
	boolean markSent(long id) {
		return jdbc.sql("update invoice set status = 'SENT', sent_at = now(), version = version + 1 where id = ? and status = 'DRAFT'")
			.param(id).update() > 0;
	}

	/** SENT → PAID; false when it was not sent. */
	boolean markPaid(long id) {
		return jdbc.sql("update invoice set status = 'PAID', paid_at = now(), version = version + 1 where id = ? and status = 'SENT'")
			.param(id).update() > 0;
	}

	/** DRAFT or SENT → VOID with the reason (may be null); false when it was neither. */
	boolean markVoid(long id, String reason) {
		return jdbc.sql("""
				update invoice set status = 'VOID', voided_at = now(), void_reason = ?, version = version + 1
				 where id = ? and status in ('DRAFT','SENT')""")
			.params(reason, id).update() > 0;
	}

	// ---------------------------------------------------------------- reading

	/** The invoice with its lines and entries; 404 when there is none. */
	Invoice load(long id) {
		Invoice invoice = jdbc.sql(SELECT + " where i.id = ?").param(id).query(this::map).optional()
			.orElseThrow(() -> new NotFoundException("Invoice", id));
		List<Invoice.Line> lines = jdbc.sql("""
				select position, group_label, description, hours, rate, amount from invoice_line
				 where invoice_id = ? order by position""")
			.param(id).query(InvoiceStore::line).list();
		List<Long> entries = jdbc.sql("select entry_id from invoice_entry where invoice_id = ? order by entry_id")
			.param(id).query(Long.class).list();
		return invoice.withDetails(lines, entries);
	}

	/**
	 * Newest first by number (an invoice takes its number last, at commit, so ids need not follow numbers), without
	 * lines and entries.
	 */
	List<Invoice> list(Long contactId) {
		return jdbc.sql(SELECT + """
				 where (cast(:contact as bigint) is null or i.contact_id = :contact)
				 order by i.year desc, i.sequence desc, i.id desc limit 500""")
			.param("contact", contactId).query(this::map).list();
	}

	String status(long id) {
		return jdbc.sql("select status from invoice where id = ?").param(id).query(String.class).single();
	}

	String number(long id) {
		return jdbc.sql("select number from invoice where id = ?").param(id).query(String.class).single();
	}

	/** The approval's invoice unless voided. */
	Optional<Long> liveInvoiceId(long approvalId) {
		return jdbc.sql("select id from invoice where approval_id = ? and status <> 'VOID'").param(approvalId)
			.query(Long.class).optional();
	}

	/** Every invoice made from the approval, voided ones included, oldest first. */
	List<Long> idsForApproval(long approvalId) {
		return jdbc.sql("select id from invoice where approval_id = ? order by id").param(approvalId).query(Long.class)
			.list();
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

	/** An invoice line, or an approval line becoming one (the same columns). */
	static Invoice.Line line(ResultSet rs, int row) throws SQLException {
		return new Invoice.Line(rs.getInt("position"), rs.getString("group_label"), rs.getString("description"),
				rs.getBigDecimal("hours"), rs.getBigDecimal("rate"), rs.getBigDecimal("amount"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
