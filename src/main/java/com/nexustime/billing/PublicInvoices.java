package com.nexustime.billing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.system.web.NotFoundException;

/**
 * The client's side of an invoice link: the page and the PDF. A token no link has (unknown, tampered) is a 404
 * that names nothing; a link past its end is {@link Gone} (410). Each opening is counted; the first keeps its time
 * and the address it came from, which staff see on the invoice's page.
 */
@Service
class PublicInvoices {

	/** The link was real but has expired. */
	static class Gone extends RuntimeException {

		Gone() {
			super("this invoice link has expired");
		}
	}

	private final PublicInvoiceLinks links;

	private final InvoiceDelivery delivery;

	PublicInvoices(PublicInvoiceLinks links, InvoiceDelivery delivery) {
		this.links = links;
		this.delivery = delivery;
	}

	@Transactional
	public PublicInvoice view(String token, String address) {
		return delivery.publicView(opened(token, address));
	}

	@Transactional
	public Pdf pdf(String token, String address) {
		long invoiceId = opened(token, address);
		return new Pdf(delivery.publicView(invoiceId).invoice().number(), delivery.pdfForLink(invoiceId));
	}

	/** The PDF's bytes and the number its file is named after. */
	record Pdf(String number, byte[] bytes) {
	}

	private long opened(String token, String address) {
		PublicInvoiceLinks.Opened link = links.open(token)
			.orElseThrow(() -> new NotFoundException("Invoice link", "?"));
		if (link.expired()) {
			throw new Gone();
		}
		links.viewed(link.linkId(), address);
		return link.invoiceId();
	}
}
