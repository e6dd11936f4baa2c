package com.nexustime.approval;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.nexustime.rules.InvoiceCandidate;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;

/**
 * What a send reads from the other modules' tables: the client it goes to, whether an address is a staff
 * mailbox, and the entries it could cover. Read only; every call joins the caller's transaction.
 */
@Component
class SendableEntries {

	/** An entry as the approval freezes it, and the same entry as the invoicing rules see it. */
	record Candidate(CoveredEntry entry, InvoiceCandidate asInvoiced) {
	}

	private final JdbcClient jdbc;

	SendableEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** FOR SHARE: a change of the contact's address waits for this send, or this send for that change. */
	Optional<ClientApproval.Recipient> lockClient(long contactId) {
		return jdbc.sql("select id, name, email from contact where id = ? for share")
			.param(contactId).query((rs, n) -> new ClientApproval.Recipient(rs.getString("name"), rs.getString("email")))
			.optional();
	}

	/** True when the address belongs to a Nexus Time account, whatever its role. */
	boolean isStaffMailbox(String email) {
		return jdbc.sql("select exists (select 1 from app_user where lower(email) = lower(?))")
			.param(email).query(Boolean.class).single();
	}

	/**
	 * The client's entries of the period that are open and on no invoice and within the sender's reach (their own;
	 * a manager's also their reports'; an admin's anyone's), oldest first. Whether each may be invoiced is left to
	 * the invoicing rules.
	 */
	List<Candidate> openEntries(CurrentUser sender, ApprovalRequest request) {
		return jdbc.sql("""
				select e.id, e.version, e.type, e.entry_date, u.name user_name, p.name project_name,
				       act.name activity_name, coalesce(e.description, e.notes) description, e.minutes, e.rate, e.amount,
				       e.user_id, e.project_id, p.status project_status, e.activity_id, act.category, e.billable,
				       e.not_invoiced, rn.note row_note, p.billing_mode,
				       (p.type = 'PER_PIECE' and e.artwork_id is not null) on_artwork
				  from time_entry e
				  join project p on p.id = e.project_id
				  join app_user u on u.id = e.user_id
				  left join activity act on act.id = e.activity_id
				  -- the grid row's note of the week holding the entry (the latest, should the week's first day have moved)
				  left join lateral (select n.note from timesheet_row_note n
				         where n.user_id = e.user_id and n.project_id = e.project_id and n.activity_id = e.activity_id
				           and n.week_start between e.entry_date - 6 and e.entry_date
				         order by n.week_start desc limit 1) rn on true
				 where p.contact_id = :contact and e.entry_date between :from and :to
				   and e.invoice_id is null and e.status = 'OPEN'
				   and (:everyone or e.user_id = :sender or (:manager and u.manager_id = :sender))
				 order by e.entry_date, e.id""")
			.param("contact", request.getContactId()).param("from", request.getFrom()).param("to", request.getTo())
			.param("everyone", sender.isAdmin()).param("sender", sender.id()).param("manager", sender.has(Role.MANAGER))
			.query((rs, n) -> new Candidate(new CoveredEntry(rs.getLong("id"), rs.getInt("version"), rs.getString("type"),
					rs.getObject("entry_date", LocalDate.class), rs.getString("user_name"), rs.getString("project_name"),
					rs.getString("activity_name"), rs.getString("description"), (Integer) rs.getObject("minutes"),
					rs.getBigDecimal("rate"), rs.getBigDecimal("amount"), rs.getString("row_note")),
					new InvoiceCandidate(rs.getLong("id"), rs.getString("type"), rs.getLong("project_id"),
							rs.getString("project_status"), (Long) rs.getObject("activity_id"),
							rs.getString("activity_name"), rs.getString("category"), rs.getBoolean("billable"),
							rs.getBoolean("not_invoiced"), rs.getString("billing_mode"), rs.getBoolean("on_artwork"))))
			.list();
	}
}
