package com.nexustime.notify;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outgoing mail. {@link #queue} only writes to the outbox, in the caller's transaction: the mail exists exactly
 * when the business change does, and {@link OutboxSender} delivers it later, off the request path.
 */
@Service
public class Mailer {

	private final JdbcClient jdbc;

	Mailer(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public long queue(String to, String subject, String body) {
		return jdbc.sql("insert into mail_outbox (recipient, subject, body) values (?, ?, ?) returning id")
			.params(to, subject, body).query(Long.class).single();
	}

	/**
	 * Queues a mail with an HTML alternative to the plain text and, when {@code attachment} is not null, one
	 * attached file; the sender delivers it as a multipart message.
	 */
	@Transactional
	public long queue(String to, String subject, String textBody, String htmlBody, String attachmentName,
			byte[] attachment) {
		return jdbc.sql("""
				insert into mail_outbox (recipient, subject, body, html_body, attachment_name, attachment)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(to, subject, textBody, htmlBody, attachment == null ? null : attachmentName, attachment)
			.query(Long.class).single();
	}

	/**
	 * Queues a mail whose text and HTML carry {@link SecretLinks#MARKER} where a secret link goes; only the
	 * reference {@code secretLink} ({@code kind:id}) is stored, and the sender rebuilds the link at delivery.
	 */
	@Transactional
	public long queueWithSecretLink(String to, String subject, String textBody, String htmlBody,
			String attachmentName, byte[] attachment, String secretLink) {
		return jdbc.sql("""
				insert into mail_outbox (recipient, subject, body, html_body, attachment_name, attachment, secret_link)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(to, subject, textBody, htmlBody, attachment == null ? null : attachmentName, attachment, secretLink)
			.query(Long.class).single();
	}

	@Transactional(readOnly = true)
	public List<OutboxMail> newest(int limit) {
		return jdbc.sql("""
				select id, recipient, subject, replace(body, ?, ?) body, status, attempts, last_error, next_attempt_at,
				       created_at, sent_at, attachment_name, secret_link is not null secret_link_withheld
				from mail_outbox order by created_at desc, id desc limit ?""")
			.params(SecretLinks.MARKER, SecretLinks.WITHHELD, limit).query(OutboxMail.class).list();
	}

	/** Puts a failed mail back in the queue, due now, with a fresh set of attempts; 404 when unknown. */
	@Transactional
	public void retry(long id) {
		int changed = jdbc.sql("""
				update mail_outbox set status = 'PENDING', attempts = 0, next_attempt_at = now()
				where id = ? and status = 'FAILED'""")
			.param(id).update();
		if (changed == 0) {
			throw new com.nexustime.system.web.NotFoundException("Failed mail", id);
		}
	}
}
