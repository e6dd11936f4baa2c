package com.nexustime.approval;

import java.io.UnsupportedEncodingException;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import com.nexustime.documents.BrandColor;
import com.nexustime.documents.PdfParts;
import com.nexustime.notify.Mailer;
import com.nexustime.notify.SecretLinks;
import com.nexustime.system.security.CurrentUser;

/**
 * The client's email for an approval: branded HTML with a plain-text alternative, a new signing link and the
 * stored timesheet PDF attached. Sent at once when SMTP is configured (a failure propagates, so the process
 * retries it), otherwise queued in the outbox with the link left out (the outbox sender puts it in at delivery).
 * The link goes nowhere else.
 */
@Service
public class ApprovalMail {

	/** One composed mail, ready to send or queue. */
	record ClientMail(String to, String subject, String text, String html, String attachmentName, byte[] pdf) {
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private final ApprovalSending sending;

	private final ApprovalEvidence evidence;

	private final ApprovalLinks links;

	private final Mailer mailer;

	private final MailRoute route;

	private final String from;

	ApprovalMail(ApprovalSending sending, ApprovalEvidence evidence, ApprovalLinks links, Mailer mailer, MailRoute route,
			@Value("${nexus.mail.from:nexus-time@localhost}") String from) {
		this.sending = sending;
		this.evidence = evidence;
		this.links = links;
		this.mailer = mailer;
		this.route = route;
		this.from = from;
	}

	/** The first mail with a link and the PDF. */
	public void sendToClient(long approvalId) {
		deliver(approvalId, ApprovalLinks.Occasion.FIRST);
	}

	/** The mail again with a new link, marked as a reminder, while the client has not decided. */
	public void remindClient(long approvalId) {
		deliver(approvalId, ApprovalLinks.Occasion.REMINDER);
	}

	/**
	 * "Resend" by the owner or an admin while the client has not decided: a new link (the earlier ones keep
	 * working) through the outbox, which retries until the SMTP server takes it. 404/409 as
	 * {@link ApprovalSending#resendable}.
	 */
	@Transactional
	public void resend(CurrentUser user, long approvalId) {
		ApprovalDocument document = sending.resendable(user, approvalId);
		queue(document, links.issue(approvalId, ApprovalLinks.Occasion.RESEND), ApprovalLinks.Occasion.RESEND);
	}

	private void deliver(long approvalId, ApprovalLinks.Occasion occasion) {
		ApprovalDocument document = evidence.document(approvalId);
		ApprovalLinks.Issued link = links.issue(approvalId, occasion);
		JavaMailSender smtp = route.smtp().orElse(null);
		if (smtp == null) {
			queue(document, link, occasion);
			return;
		}
		smtp.send(mime(smtp, document, compose(document, link.url(), evidence.pdf(approvalId), occasion)));
	}

	/** Queued mail names the link and holds a marker where it goes: the outbox never stores the link itself. */
	private void queue(ApprovalDocument document, ApprovalLinks.Issued link, ApprovalLinks.Occasion occasion) {
		ClientMail mail = compose(document, SecretLinks.MARKER, evidence.pdf(document.approvalId()), occasion);
		mailer.queueWithSecretLink(mail.to(), mail.subject(), mail.text(), mail.html(), mail.attachmentName(),
				mail.pdf(), link.reference());
	}

	private MimeMessage mime(JavaMailSender smtp, ApprovalDocument document, ClientMail mail) {
		try {
			MimeMessage message = smtp.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(from, senderName(document));
			helper.setTo(mail.to());
			helper.setSubject(mail.subject());
			helper.setText(mail.text(), mail.html());
			helper.addAttachment(mail.attachmentName(), new ByteArrayResource(mail.pdf()), "application/pdf");
			return message;
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new MailPreparationException("could not build the mail of approval " + document.approvalId(), ex);
		}
	}

	ClientMail compose(ApprovalDocument doc, String approvalUrl, byte[] pdf, ApprovalLinks.Occasion occasion) {
		boolean reminder = occasion == ApprovalLinks.Occasion.REMINDER;
		String period = DAY.format(doc.periodFrom()) + " – " + DAY.format(doc.periodTo());
		String subject = (reminder ? "Reminder: " : "") + "Timesheet for approval, " + period + " — "
				+ doc.workspaceName();
		String totals = hours(doc.totalHours()) + " hours, " + doc.currency() + " "
				+ PdfParts.decimal(doc.totalAmount());
		String expires = doc.expiresAt() == null ? null : DAY.format(doc.expiresAt().atZone(ZoneOffset.UTC));
		String intro = switch (occasion) {
			case REMINDER -> doc.ownerName() + " is still waiting for your decision on the hours for " + period + ".";
			case RESEND -> doc.ownerName() + " has sent you the link to the hours for " + period
					+ " again, to review and approve.";
			case FIRST -> doc.ownerName() + " has sent you the hours for " + period + " to review and approve.";
		};
		boolean hasMessage = doc.message() != null && !doc.message().isBlank();

		StringBuilder text = new StringBuilder();
		text.append("Hello ").append(doc.contactName()).append(",\n\n").append(intro).append("\n\n");
		if (hasMessage) {
			text.append("Message from ").append(doc.ownerName()).append(":\n").append(doc.message()).append("\n\n");
		}
		text.append("Total: ").append(totals).append('\n');
		text.append("Review, then approve or decline: ").append(approvalUrl).append('\n');
		if (expires != null) {
			text.append("The link works until ").append(expires).append(".\n");
		}
		text.append("\nThe timesheet is attached as a PDF.\n\n").append(senderName(doc)).append('\n')
			.append("Snapshot SHA-256: ").append(doc.snapshotHash()).append('\n');

		String color = BrandColor.of(doc.brandColor()).hex();
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html><html><body style=\"margin:0;padding:0;background:#f6f8fa;")
			.append("font-family:Helvetica,Arial,sans-serif;color:#1f2328\">")
			.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\">")
			.append("<tr><td align=\"center\" style=\"padding:24px 12px\">")
			.append("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" ")
			.append("style=\"max-width:600px;width:100%;background:#ffffff;border-radius:6px\">")
			.append("<tr><td style=\"background:").append(color).append(";color:#ffffff;padding:16px 24px;")
			.append("font-size:20px;font-weight:bold;border-radius:6px 6px 0 0\">");
		if (webAddress(doc.logoUrl())) {
			html.append("<img src=\"").append(escape(doc.logoUrl())).append("\" alt=\"\" height=\"32\" ")
				.append("style=\"vertical-align:middle;margin-right:8px\">");
		}
		html.append(escape(doc.workspaceName())).append("</td></tr>")
			.append("<tr><td style=\"padding:24px\">")
			.append("<p>Hello ").append(escape(doc.contactName())).append(",</p>")
			.append("<p>").append(escape(intro)).append("</p>");
		if (hasMessage) {
			html.append("<blockquote style=\"margin:16px 0;padding:8px 16px;border-left:4px solid ").append(color)
				.append(";background:#f6f8fa;white-space:pre-line\">").append(escape(doc.message()))
				.append("</blockquote>");
		}
		html.append("<p><strong>Total: ").append(escape(totals)).append("</strong></p>")
			.append("<p style=\"margin:24px 0\"><a href=\"").append(escape(approvalUrl)).append("\" ")
			.append("style=\"background:").append(color).append(";color:#ffffff;padding:12px 20px;")
			.append("border-radius:6px;text-decoration:none;font-weight:bold\">Review the hours</a></p>");
		if (expires != null) {
			html.append("<p style=\"color:#57606a\">The link works until ").append(escape(expires)).append(".</p>");
		}
		html.append("<p>The timesheet is attached as a PDF.</p>")
			.append("<p>").append(escape(senderName(doc))).append("</p>")
			.append("</td></tr><tr><td style=\"padding:12px 24px;color:#57606a;font-size:11px;")
			.append("border-top:1px solid #d0d7de\">Snapshot SHA-256: ").append(escape(doc.snapshotHash()))
			.append("</td></tr></table></td></tr></table></body></html>");

		String attachment = "timesheet-" + doc.periodFrom() + "-to-" + doc.periodTo() + ".pdf";
		return new ClientMail(doc.contactEmail(), subject, text.toString(), html.toString(), attachment, pdf);
	}

	private static String senderName(ApprovalDocument doc) {
		return doc.senderName() == null || doc.senderName().isBlank() ? doc.workspaceName() : doc.senderName();
	}

	private static boolean webAddress(String url) {
		return url != null && (url.startsWith("https://") || url.startsWith("http://"));
	}

	private static String hours(BigDecimal hours) {
		return PdfParts.decimal(hours);
	}

	private static String escape(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
	}
}
