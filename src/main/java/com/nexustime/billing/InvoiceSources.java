package com.nexustime.billing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.nexustime.rules.InvoiceCandidate;

/**
 * What billing reads from the other modules' tables: the entries an invoice is made of, the lines and entries of
 * the approval it bills (the documented read of approval's rows, in billing's transaction), and the client it is
 * addressed to. Read only; every call joins the caller's transaction.
 */
@Component
class InvoiceSources {

	/**
	 * A finalized entry of a range, its day, the entry as the invoicing rules see it, and the budget of its project
	 * when that project is billed by invoice budget (null for every other project).
	 */
	record Dated(LocalDate date, InvoiceLines.Billable entry, InvoiceCandidate candidate, BudgetProject budget) {
	}

	/** An invoice-budget project: its budget amount (null when none was agreed). */
	record BudgetProject(long projectId, String name, BigDecimal budgetAmount) {
	}

	/** Who an invoice is addressed to. */
	record Client(String name, String email, String company) {
	}

	private final JdbcClient jdbc;

	InvoiceSources(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> contactName(long contactId) {
		return jdbc.sql("select name from contact where id = ?").param(contactId).query(String.class).optional();
	}

	Client client(long contactId) {
		Map<String, Object> contact = jdbc.sql("select name, email, company from contact where id = ?")
			.param(contactId).query().singleRow();
		return new Client((String) contact.get("name"), (String) contact.get("email"), (String) contact.get("company"));
	}

	/**
	 * A client's entries dated {@code from}–{@code to} that are finalized and on no invoice, by id. Only the
	 * lifecycle is filtered here; whether an entry may be invoiced is the invoicing rules' question.
	 */
	List<Dated> finalizedEntries(long contactId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select e.id, e.type, e.user_id, e.entry_date, e.project_id, p.status project_status, e.activity_id,
				       act.category, e.billable, e.not_invoiced, p.name project_name, act.name activity_name,
				       coalesce(e.description, e.notes) text, e.minutes, e.rate, e.amount, p.billing_mode,
				       p.budget_amount
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
					invoiceCandidate(rs),
					"INVOICE_BUDGET".equals(rs.getString("billing_mode"))
							? new BudgetProject(rs.getLong("project_id"), rs.getString("project_name"),
									rs.getBigDecimal("budget_amount"))
							: null))
			.list();
	}

	/** The invoice-budget projects among the approval's entries, by name: their budget is billed by a range invoice. */
	List<String> approvalBudgetProjects(long approvalId) {
		return jdbc.sql("""
				select distinct p.name from time_entry e join project p on p.id = e.project_id
				 where e.id in (select entry_id from approval_entry where approval_id = ?)
				   and p.billing_mode = 'INVOICE_BUDGET'
				 order by p.name""")
			.param(approvalId).query(String.class).list();
	}

	/** The approval's lines as signed, in order: an invoice made from it has exactly these. */
	List<Invoice.Line> approvalLines(long approvalId) {
		return jdbc.sql("""
				select position, group_label, description, hours, rate, amount from approval_line
				 where approval_id = ? order by position""")
			.param(approvalId).query(InvoiceStore::line).list();
	}

	List<Long> approvalEntryIds(long approvalId) {
		return jdbc.sql("select entry_id from approval_entry where approval_id = ? order by entry_id")
			.param(approvalId).query(Long.class).list();
	}

	/** The entries the approval covers as they are now, as the invoicing rules see them, by id. */
	Map<Long, InvoiceCandidate> approvalCandidates(long approvalId) {
		Map<Long, InvoiceCandidate> candidates = new HashMap<>();
		jdbc.sql("""
				select e.id, e.type, e.user_id, e.entry_date, e.project_id, p.status project_status, e.activity_id,
				       act.name activity_name, act.category, e.amount, e.billable, e.not_invoiced
				  from time_entry e
				  join project p on p.id = e.project_id
				  left join activity act on act.id = e.activity_id
				 where e.id in (select entry_id from approval_entry where approval_id = ?)
				 order by e.id""")
			.param(approvalId).query((rs, n) -> candidates.put(rs.getLong("id"), invoiceCandidate(rs))).list();
		return candidates;
	}

	Optional<String> approvalProcessInstance(long approvalId) {
		return jdbc.sql("select process_instance_id from client_approval where id = ?")
			.param(approvalId).query(String.class).optional();
	}

	/** The current row as the invoicing rules see it (the columns of the queries that fetch entries to bill). */
	private static InvoiceCandidate invoiceCandidate(ResultSet rs) throws SQLException {
		return new InvoiceCandidate(rs.getLong("id"), rs.getString("type"), rs.getLong("project_id"),
				rs.getString("project_status"), (Long) rs.getObject("activity_id"), rs.getString("activity_name"),
				rs.getString("category"), rs.getBoolean("billable"), rs.getBoolean("not_invoiced"));
	}
}
