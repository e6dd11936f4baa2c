package com.nexustime.billing;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

import com.nexustime.documents.BrandColor;
import com.nexustime.documents.PdfParts;

/**
 * The client's invoice mail: plain text with a branded HTML alternative; the PDF goes along as an attachment, and
 * the link to the invoice's public page (or the outbox's marker for it) is the way to open it online.
 */
final class InvoiceMail {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	record Composed(String to, String subject, String text, String html, String attachmentName) {
	}

	private InvoiceMail() {
	}

	/** {@code link} is the public page's URL, or {@link com.nexustime.notify.SecretLinks#MARKER} in queued mail. */
	static Composed compose(InvoiceDocument doc, String link) {
		Invoice invoice = doc.invoice();
		String period = DAY.format(invoice.periodFrom()) + " – " + DAY.format(invoice.periodTo());
		String amount = invoice.currency() + " " + PdfParts.decimal(invoice.total());
		String subject = "Invoice " + invoice.number() + " — " + doc.workspaceName();
		String intro = "please find attached invoice " + invoice.number() + " of " + DAY.format(invoice.issueDate())
				+ " for " + period + ".";

		StringBuilder text = new StringBuilder();
		text.append("Hello ").append(doc.contactName()).append(",\n\n").append(capitalised(intro)).append("\n\n")
			.append("Total: ").append(amount).append('\n')
			.append("\nView the invoice and download its PDF online (no account needed):\n").append(link).append('\n');
		if (invoice.snapshotHash() != null) {
			text.append("The hours are the ones you approved (snapshot SHA-256 ").append(invoice.snapshotHash())
				.append(").\n");
		}
		text.append("\n").append(doc.senderName()).append('\n');

		String color = BrandColor.of(doc.brandColor()).hex();
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html><html><body style=\"margin:0;padding:0;background:#f6f8fa;")
			.append("font-family:Helvetica,Arial,sans-serif;color:#1f2328\">")
			.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\">")
			.append("<tr><td align=\"center\" style=\"padding:24px 12px\">")
			.append("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" ")
			.append("style=\"max-width:600px;width:100%;background:#ffffff;border-radius:6px\">")
			.append("<tr><td style=\"background:").append(color).append(";color:#ffffff;padding:16px 24px;")
			.append("font-size:20px;font-weight:bold;border-radius:6px 6px 0 0\">")
			.append(escape(doc.workspaceName())).append("</td></tr>")
			.append("<tr><td style=\"padding:24px\">")
			.append("<p>Hello ").append(escape(doc.contactName())).append(",</p>")
			.append("<p>").append(escape(capitalised(intro))).append("</p>")
			.append("<p><strong>Total: ").append(escape(amount)).append("</strong></p>")
			.append("<p><a href=\"").append(escape(link)).append("\" style=\"display:inline-block;background:")
			.append(color).append(";color:#ffffff;padding:10px 18px;border-radius:4px;text-decoration:none\">")
			.append("View the invoice online</a></p>")
			.append("<p style=\"color:#57606a;font-size:12px\">No account needed. The link is yours alone: ")
			.append("please do not forward it.</p>");
		if (invoice.snapshotHash() != null) {
			html.append("<p style=\"color:#57606a;font-size:12px\">The hours are the ones you approved (snapshot ")
				.append("SHA-256 ").append(escape(invoice.snapshotHash())).append(").</p>");
		}
		html.append("<p>").append(escape(doc.senderName())).append("</p>")
			.append("</td></tr></table></td></tr></table></body></html>");
		return new Composed(doc.contactEmail(), subject, text.toString(), html.toString(),
				"invoice-" + invoice.number() + ".pdf");
	}

	private static String capitalised(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String escape(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
	}
}
