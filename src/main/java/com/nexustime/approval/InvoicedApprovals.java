package com.nexustime.approval;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approval's API for billing: an approval taken for an invoice, and its record of the invoice that bills it.
 * Billing calls this instead of locking or writing {@code client_approval}; all of it joins billing's transaction.
 */
@Component
@Transactional
public class InvoicedApprovals {

	private final JdbcClient jdbc;

	InvoicedApprovals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What an invoice is made from: the approval as it stands once locked. */
	public record ToInvoice(long id, String status, long contactId, LocalDate from, LocalDate to,
			String snapshotHash) {
	}

	/**
	 * Locks the approval until the caller's transaction ends, so that two conversions of it (a person and the
	 * process, or two people) run one after the other; empty when there is no such approval.
	 */
	public Optional<ToInvoice> lock(long approvalId) {
		return jdbc.sql("""
				select id, status, contact_id, period_from, period_to, snapshot_hash from client_approval
				 where id = ? for update""")
			.param(approvalId)
			.query((rs, n) -> new ToInvoice(rs.getLong("id"), rs.getString("status"), rs.getLong("contact_id"),
					rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
					rs.getString("snapshot_hash")))
			.optional();
	}

	/** Records that {@code invoiceId} bills the approval. */
	public void invoiced(long approvalId, long invoiceId) {
		jdbc.sql("update client_approval set invoice_id = ?, version = version + 1 where id = ?")
			.params(invoiceId, approvalId).update();
	}

	/** Forgets a voided invoice: the approval it was made from may be invoiced again. */
	public void invoiceVoided(long invoiceId) {
		jdbc.sql("update client_approval set invoice_id = null, version = version + 1 where invoice_id = ?")
			.param(invoiceId).update();
	}
}
