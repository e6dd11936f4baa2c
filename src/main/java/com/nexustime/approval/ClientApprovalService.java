package com.nexustime.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.system.web.NotFoundException;

/**
 * Client approvals as the client-approval process sees them: the document as sent, its stored PDF, and the
 * steps the process records (delivered, reminded, expired).
 */
@Service
public class ClientApprovalService {

	private final JdbcClient jdbc;

	ClientApprovalService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Head(long id, String workspaceName, String brandColor, String logoUrl, String senderName,
			String currency, String contactName, String contactEmail, String contactCompany, String ownerName,
			LocalDate periodFrom, LocalDate periodTo, String grouping, String message, BigDecimal totalHours,
			BigDecimal totalAmount, String snapshotHash, Instant createdAt, Instant expiresAt) {
	}

	/** The approval as sent: branding, contact, period and the lines in their sent order. */
	@Transactional(readOnly = true)
	public ApprovalDocument document(long approvalId) {
		Head head = jdbc.sql("""
				select a.id, w.name as workspace_name, w.brand_color, w.logo_url, w.sender_name, w.currency,
				       c.name as contact_name, c.email as contact_email, c.company as contact_company,
				       u.name as owner_name, a.period_from, a.period_to, a.grouping, a.message, a.total_hours,
				       a.total_amount, a.snapshot_hash, a.created_at, a.expires_at
				from client_approval a
				join contact c on c.id = a.contact_id
				join app_user u on u.id = a.owner_id
				cross join workspace w
				where a.id = ?""")
			.param(approvalId).query(Head.class).optional()
			.orElseThrow(() -> new NotFoundException("Approval", approvalId));
		List<ApprovalDocument.Line> lines = jdbc.sql("""
				select group_label, description, hours, rate, amount from approval_line
				where approval_id = ? order by position""")
			.param(approvalId)
			.query((rs, n) -> new ApprovalDocument.Line(rs.getString("group_label"), rs.getString("description"),
					rs.getBigDecimal("hours"), rs.getBigDecimal("rate"), rs.getBigDecimal("amount")))
			.list();
		return new ApprovalDocument(head.id(), head.workspaceName(), head.brandColor(), head.logoUrl(),
				head.senderName(), head.currency().trim(), head.contactName(), head.contactEmail(),
				head.contactCompany(), head.ownerName(), head.periodFrom(), head.periodTo(), head.grouping(),
				head.message(), lines, head.totalHours(), head.totalAmount(), head.snapshotHash(), head.createdAt(),
				head.expiresAt());
	}

	/** The timesheet PDF stored when the approval was sent. */
	@Transactional(readOnly = true)
	public byte[] pdf(long approvalId) {
		return jdbc.sql("select pdf from client_approval where id = ? and pdf is not null").param(approvalId)
			.query(byte[].class).optional().orElseThrow(() -> new NotFoundException("Approval PDF", approvalId));
	}

	@Transactional
	public void recordDelivered(long approvalId) {
		event(approvalId, "DELIVERED");
	}

	@Transactional
	public void recordReminder(long approvalId) {
		event(approvalId, "REMINDED");
	}

	/** The link's time is up: an approval still waiting for the client becomes EXPIRED. */
	@Transactional
	public void expire(long approvalId) {
		int changed = jdbc.sql("update client_approval set status = 'EXPIRED', version = version + 1 "
				+ "where id = ? and status = 'SENT'").param(approvalId).update();
		if (changed > 0) {
			event(approvalId, "EXPIRED");
		}
	}

	private void event(long approvalId, String action) {
		jdbc.sql("insert into approval_event (approval_id, action) values (?, ?)").params(approvalId, action).update();
	}
}
