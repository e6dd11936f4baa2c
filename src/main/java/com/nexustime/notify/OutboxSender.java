package com.nexustime.notify;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. Each batch locks its rows with {@code FOR UPDATE SKIP LOCKED}, so two application nodes
 * sending at the same moment take different mail and never send one twice. A failed attempt waits longer each
 * time (30 s, 1 min, 2 min … at most an hour) and the mail is marked FAILED after {@link #MOST_ATTEMPTS}.
 * A mail that names a secret link gets it here, in memory, just before it goes to the SMTP server: the outbox
 * never holds the link.
 */
@Service
public class OutboxSender {

	/** 30 s, 1, 2, 4 … 32 min, then hourly: the mail waits out about seven hours of SMTP outage before FAILED. */
	static final int MOST_ATTEMPTS = 14;

	private static final int BATCH = 20;

	private static final Duration FIRST_WAIT = Duration.ofSeconds(30);

	private static final Duration LONGEST_WAIT = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final String from;

	private final Map<String, SecretLinks> secretLinks;

	OutboxSender(JdbcClient jdbc, PlatformTransactionManager transactions,
			@Value("${nexus.mail.from:nexus-time@localhost}") String from, List<SecretLinks> secretLinks) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.from = from;
		this.secretLinks = secretLinks.stream().collect(Collectors.toMap(SecretLinks::kind, Function.identity()));
	}

	/** Mail waiting to go out (due now or retrying later); counted on the outbox's partial index of pending mail. */
	public long unsent() {
		return jdbc.sql("select count(*) from mail_outbox where status = 'PENDING'").query(Long.class).single();
	}

	/** Sends the mail that is due at {@code now} through {@code sender}; answers how many went out. */
	public int sendDue(JavaMailSender sender, Instant now) {
		Integer sent = transaction.execute(status -> {
			List<DueMail> due = jdbc.sql("""
					select id, recipient, subject, body, html_body, attachment_name, attachment, attempts, secret_link
					from mail_outbox where status = 'PENDING' and next_attempt_at <= ?
					order by next_attempt_at, id limit ? for update skip locked""")
				.params(Timestamp.from(now), BATCH).query(DueMail.class).list();
			int delivered = 0;
			for (DueMail mail : due) {
				if (deliver(sender, mail, now)) {
					delivered++;
				}
			}
			return delivered;
		});
		return sent == null ? 0 : sent;
	}

	/** A mail that is due, with what a multipart message needs. */
	record DueMail(Long id, String recipient, String subject, String body, String htmlBody, String attachmentName,
			byte[] attachment, int attempts, String secretLink) {

		boolean plain() {
			return htmlBody == null && attachment == null;
		}

		DueMail withLink(String url) {
			return new DueMail(id, recipient, subject, body.replace(SecretLinks.MARKER, url),
					htmlBody == null ? null : htmlBody.replace(SecretLinks.MARKER, url), attachmentName, attachment,
					attempts, null);
		}
	}

	private boolean deliver(JavaMailSender sender, DueMail queued, Instant now) {
		DueMail mail = queued;
		try {
			if (queued.secretLink() != null) {
				mail = queued.withLink(secretLink(queued));
			}
			if (mail.plain()) {
				SimpleMailMessage message = new SimpleMailMessage();
				message.setFrom(from);
				message.setTo(mail.recipient());
				message.setSubject(mail.subject());
				message.setText(mail.body());
				sender.send(message);
			}
			else {
				sender.send(multipart(sender, mail));
			}
			jdbc.sql("update mail_outbox set status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null "
					+ "where id = ?").params(Timestamp.from(now), mail.id()).update();
			return true;
		}
		catch (MailException ex) {
			int attempts = mail.attempts() + 1;
			boolean givenUp = attempts >= MOST_ATTEMPTS;
			log.warn("mail {} to {} failed (attempt {}): {}", mail.id(), mail.recipient(), attempts, ex.getMessage());
			jdbc.sql("""
					update mail_outbox set attempts = ?, last_error = ?, status = ?, next_attempt_at = ?
					where id = ?""")
				.params(attempts, String.valueOf(ex.getMessage()), givenUp ? "FAILED" : "PENDING",
						Timestamp.from(now.plus(waitAfter(attempts))), mail.id())
				.update();
			return false;
		}
	}

	/** The URL a mail's reference names, rebuilt now; a reference nobody can rebuild fails like an SMTP error. */
	private String secretLink(DueMail mail) {
		String reference = mail.secretLink();
		int colon = reference.indexOf(':');
		SecretLinks source = colon < 0 ? null : secretLinks.get(reference.substring(0, colon));
		Optional<String> url = Optional.empty();
		if (source != null) {
			try {
				url = source.url(Long.parseLong(reference.substring(colon + 1)));
			}
			catch (NumberFormatException malformed) {
				// falls through to the failure below
			}
		}
		return url.orElseThrow(() -> new MailPreparationException(
				"mail " + mail.id() + " names the link " + reference + ", which no longer exists"));
	}

	private MimeMessage multipart(JavaMailSender sender, DueMail mail) {
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(from);
			helper.setTo(mail.recipient());
			helper.setSubject(mail.subject());
			if (mail.htmlBody() == null) {
				helper.setText(mail.body());
			}
			else {
				helper.setText(mail.body(), mail.htmlBody());
			}
			if (mail.attachment() != null) {
				helper.addAttachment(mail.attachmentName(), new ByteArrayResource(mail.attachment()));
			}
			return message;
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("could not build mail " + mail.id(), ex);
		}
	}

	/** 30 s after the first failure, doubling each time, at most an hour. */
	static Duration waitAfter(int attempts) {
		Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(attempts - 1, 20));
		return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
	}
}
