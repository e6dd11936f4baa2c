package com.nexustime.approval;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.notify.Mailer;
import com.nexustime.notify.Notifications;

/** What the approval's owner hears from the process: in the app (the bell) and by mail. */
@Service
public class ApprovalNotices {

	private record Owner(long id, String name, String email, String contactName) {
	}

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final Mailer mailer;

	ApprovalNotices(JdbcClient jdbc, Notifications notifications, Mailer mailer) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.mailer = mailer;
	}

	/** The client approved: the owner learns who signed, and that the entries are final. */
	@Transactional
	public void approved(long approvalId, String signature) {
		Owner owner = owner(approvalId);
		String link = "/approvals/" + approvalId;
		notifications.notify(owner.id(), "APPROVAL_APPROVED",
				owner.contactName() + " approved the timesheet (signed " + signature + ")", link);
		mailer.queue(owner.email(), owner.contactName() + " approved the timesheet", """
				Hello %s,

				%s approved the timesheet you sent for approval, signed "%s".

				The entries it covers are final now and ready to invoice.
				Submission: %s
				""".formatted(owner.name(), owner.contactName(), signature, link));
	}

	/** The client declined: the owner learns why, and that the entries stay editable. */
	@Transactional
	public void declined(long approvalId, String reason) {
		Owner owner = owner(approvalId);
		String why = reason == null || reason.isBlank() ? "no reason given" : reason;
		String link = "/approvals/" + approvalId;
		notifications.notify(owner.id(), "APPROVAL_DECLINED",
				owner.contactName() + " declined the timesheet: " + why, link);
		mailer.queue(owner.email(), owner.contactName() + " declined the timesheet", """
				Hello %s,

				%s declined the timesheet you sent for approval.

				Reason: %s

				The entries stay editable: correct them and send a new approval.
				Submission: %s
				""".formatted(owner.name(), owner.contactName(), why, link));
	}

	private Owner owner(long approvalId) {
		return jdbc.sql("""
				select u.id, u.name, u.email, c.name as contact_name
				from client_approval a join app_user u on u.id = a.owner_id join contact c on c.id = a.contact_id
				where a.id = ?""")
			.param(approvalId).query(Owner.class).single();
	}
}
