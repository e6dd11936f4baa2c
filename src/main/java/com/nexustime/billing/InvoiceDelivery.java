package com.nexustime.billing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import com.nexustime.audit.AuditLog;
import com.nexustime.notify.Mailer;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.web.ConflictException;
import com.nexustime.workspace.Workspace;
import com.nexustime.workspace.WorkspaceSettings;

/** An invoice on its way to the client: its PDF, and sending it (DRAFT → SENT) with the PDF by mail. */
@Service
class InvoiceDelivery {

	private final InvoiceStore store;

	private final InvoiceSources sources;

	private final InvoiceRegister register;

	private final WorkspaceSettings workspace;

	private final InvoicePdf pdfRenderer;

	private final Mailer mailer;

	private final AuditLog audit;

	InvoiceDelivery(InvoiceStore store, InvoiceSources sources, InvoiceRegister register, WorkspaceSettings workspace,
			InvoicePdf pdfRenderer, Mailer mailer, AuditLog audit) {
		this.store = store;
		this.sources = sources;
		this.register = register;
		this.workspace = workspace;
		this.pdfRenderer = pdfRenderer;
		this.mailer = mailer;
		this.audit = audit;
	}

	/** DRAFT → SENT: the client's mail with the PDF goes to the outbox in this transaction, sent off the request. */
	@Transactional
	public Invoice send(CurrentUser user, long id) {
		InvoiceRegister.requireBiller(user);
		Invoice before = register.get(user, id);
		if (!store.markSent(id)) {
			throw new ConflictException("invoice " + store.number(id) + " is " + store.status(id)
					+ "; only a draft can be sent");
		}
		Invoice after = store.load(id);
		InvoiceDocument document = document(after);
		InvoiceMail.Composed mail = InvoiceMail.compose(document);
		mailer.queue(mail.to(), mail.subject(), mail.text(), mail.html(), mail.attachmentName(),
				pdfRenderer.render(document));
		audit.record("SEND", InvoiceService.ENTITY, id, before, after);
		return after;
	}

	@Transactional(readOnly = true)
	public byte[] pdf(CurrentUser user, long id) {
		return pdfRenderer.render(document(register.get(user, id)));
	}

	private InvoiceDocument document(Invoice invoice) {
		Workspace settings = workspace.current();
		InvoiceSources.Client client = sources.client(invoice.contactId());
		return new InvoiceDocument(invoice, settings.name(), settings.brandColor(),
				StringUtils.hasText(settings.senderName()) ? settings.senderName() : settings.name(),
				client.name(), client.email(), client.company());
	}
}
