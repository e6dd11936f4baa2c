package com.nexustime.billing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import com.nexustime.system.web.NotFoundException;

/**
 * The invoice page the client reaches from the invoice mail: no account, the invoice as it stands (a voided one
 * says so) and its PDF. Unknown and tampered links get the same "link unavailable" page as approval links (404),
 * expired ones 410; the rate limit in front of everything under /public applies here too.
 */
@Controller
@RequestMapping("/public/invoices/{token}")
class PublicInvoicePages {

	private final PublicInvoices invoices;

	PublicInvoicePages(PublicInvoices invoices) {
		this.invoices = invoices;
	}

	@GetMapping
	String show(@PathVariable String token, HttpServletRequest request, Model model) {
		model.addAttribute("view", invoices.view(token, clientAddress(request)));
		model.addAttribute("token", token);
		return "public/invoice";
	}

	@GetMapping("/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String token, HttpServletRequest request) {
		PublicInvoices.Pdf pdf = invoices.pdf(token, clientAddress(request));
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"invoice-" + pdf.number() + ".pdf\"")
			.header("Referrer-Policy", "no-referrer")
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_PDF)
			.body(pdf.bytes());
	}

	@ExceptionHandler(NotFoundException.class)
	String unknown(HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("gone", false);
		return "public/link-unavailable";
	}

	@ExceptionHandler(PublicInvoices.Gone.class)
	String expired(HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_GONE);
		model.addAttribute("gone", true);
		return "public/link-unavailable";
	}

	/** The connecting peer (behind a proxy the operator trusts, the client it forwarded); never a header. */
	private static String clientAddress(HttpServletRequest request) {
		String peer = request.getRemoteAddr();
		return peer != null && peer.length() > 100 ? peer.substring(0, 100) : peer;
	}
}
