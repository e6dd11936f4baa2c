package com.nexustime.billing;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.nexustime.system.security.CurrentUser;

/** The invoices API: preview and make one from time (and send it at once), read it and its PDF, send it, mark it paid, void it. */
@RestController
@RequestMapping("/api/v1/invoices")
class InvoiceController {

	private static final String BILLERS = "hasAnyRole('ADMIN','MANAGER')";

	/** Why an invoice is voided; optional. */
	record VoidRequest(@Size(max = 1000, message = "at most 1000 characters") String reason) {
	}

	private final InvoiceMaking making;

	private final InvoiceDelivery delivery;

	private final InvoicePayments payments;

	private final InvoiceRegister invoices;

	private final InvoicePreview previews;

	InvoiceController(InvoiceMaking making, InvoiceDelivery delivery, InvoicePayments payments,
			InvoiceRegister invoices, InvoicePreview previews) {
		this.previews = previews;
		this.making = making;
		this.delivery = delivery;
		this.payments = payments;
		this.invoices = invoices;
	}

	@PostMapping("/from-time")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(BILLERS)
	Invoice fromTime(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody InvoiceRequest request) {
		return request.isSend() ? delivery.makeAndSend(user, request) : making.fromTime(user, request);
	}

	/**
	 * The invoice {@code from-time} would make with the same body — lines, total, entry count — storing nothing;
	 * the same refusals as making it.
	 */
	@PostMapping("/preview")
	@PreAuthorize(BILLERS)
	InvoicePreview.Preview preview(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody InvoiceRequest request) {
		return previews.preview(user, request);
	}

	@GetMapping
	List<Invoice> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long contactId) {
		return invoices.list(user, contactId);
	}

	@GetMapping("/{id}")
	Invoice get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return invoices.get(user, id);
	}

	@GetMapping(value = "/{id}/pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		byte[] pdf = delivery.pdf(user, id);
		return ResponseEntity.ok()
			.header("Content-Disposition", "inline; filename=\"invoice-" + invoices.get(user, id).number() + ".pdf\"")
			.contentType(MediaType.APPLICATION_PDF)
			.body(pdf);
	}

	@PostMapping("/{id}/send")
	@PreAuthorize(BILLERS)
	Invoice send(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return delivery.send(user, id);
	}

	@PostMapping("/{id}/pay")
	@PreAuthorize(BILLERS)
	Invoice pay(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return payments.pay(user, id);
	}

	@PostMapping("/{id}/void")
	@PreAuthorize(BILLERS)
	Invoice voidInvoice(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody(required = false) VoidRequest request) {
		return payments.voidInvoice(user, id, request == null ? null : request.reason());
	}
}
