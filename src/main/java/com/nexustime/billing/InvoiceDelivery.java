package com.nexustime.billing;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import com.nexustime.audit.AuditLog;
import com.nexustime.notify.Mailer;
import com.nexustime.notify.SecretLinks;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.web.ConflictException;
import com.nexustime.workspace.Workspace;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * An invoice on its way to the client: its PDF, and sending it (DRAFT → SENT) by mail with the PDF and a link to
 * its public page; making and sending in one step.
 */
@Service
class InvoiceDelivery {

	private final InvoiceStore store;

	private final InvoiceSources sources;

	private final InvoiceRegister register;

	private final WorkspaceSettings workspace;

	private final InvoicePdf pdfRenderer;

	private final Mailer mailer;

	private final AuditLog audit;

	private final PublicInvoiceLinks links;

	private final InvoiceMaking making;

	InvoiceDelivery(InvoiceStore store, InvoiceSources sources, InvoiceRegister register, WorkspaceSettings workspace,
			InvoicePdf pdfRenderer, Mailer mailer, AuditLog audit, PublicInvoiceLinks links, InvoiceMaking making) {
		this.links = links;
		this.making = making;
		this.store = store;
		this.sources = sources;
		this.register = register;
		this.workspace = workspace;
		this.pdfRenderer = pdfRenderer;
		this.mailer = mailer;
		this.audit = audit;
	}

	/**
	 * DRAFT → SENT: the client's mail with the PDF and a new public link goes to the outbox in this transaction,
	 * sent off the request. The queued mail names the link ({@code invoice-link:id}); the outbox sender puts the
	 * URL in at delivery, so it is stored nowhere and the sender never sees it.
	 */
	@Transactional
	public Invoice send(CurrentUser user, long id) {
		InvoiceRegister.requireBiller(user);
		return sendChecked(register.get(user, id));
	}

	/**
	 * Makes the invoice ({@link InvoiceMaking#fromTime}) and sends it, in one transaction: a refusal of either
	 * leaves neither an invoice nor a mail.
	 */
	@Transactional
	public Invoice makeAndSend(CurrentUser user, InvoiceRequest request) {
		Invoice made = making.fromTime(user, request);
		return sendChecked(made);
	}

	/** The client's views of its public page; empty before it was sent. Never the link. */
	@Transactional(readOnly = true)
	public Optional<PublicInvoiceViews> views(CurrentUser user, long id) {
		register.get(user, id);
		return links.views(id);
	}

	private Invoice sendChecked(Invoice before) {
		long id = before.id();
		if (!store.markSent(id)) {
			throw new ConflictException("invoice " + store.number(id) + " is " + store.status(id)
					+ "; only a draft can be sent");
		}
		Invoice after = store.load(id);
		InvoiceDocument document = document(after);
		PublicInvoiceLinks.Issued link = links.issue(id);
		InvoiceMail.Composed mail = InvoiceMail.compose(document, SecretLinks.MARKER);
		mailer.queueWithSecretLink(mail.to(), mail.subject(), mail.text(), mail.html(), mail.attachmentName(),
				pdfRenderer.render(document), link.reference());
		audit.record("SEND", InvoiceService.ENTITY, id, before, after);
		return after;
	}

	@Transactional(readOnly = true)
	public byte[] pdf(CurrentUser user, long id) {
		return pdfRenderer.render(document(register.get(user, id)));
	}

	/** The invoice's PDF for its public page: the caller has checked the link. */
	byte[] pdfForLink(long id) {
		return pdfRenderer.render(document(store.load(id)));
	}

	/** What the public page shows of invoice {@code id}: the caller has checked the link. */
	PublicInvoice publicView(long id) {
		InvoiceDocument doc = document(store.load(id));
		return new PublicInvoice(doc.invoice(), doc.workspaceName(), doc.brandColor(), doc.senderName(),
				doc.contactName(), doc.contactCompany());
	}

	private InvoiceDocument document(Invoice invoice) {
		Workspace settings = workspace.current();
		InvoiceSources.Client client = sources.client(invoice.contactId());
		return new InvoiceDocument(invoice, settings.name(), settings.brandColor(),
				StringUtils.hasText(settings.senderName()) ? settings.senderName() : settings.name(),
				client.name(), client.email(), client.company());
	}
}
