package com.nexustime.billing;

import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.nexustime.crm.ContactService;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.RuleViolationException;

/** The invoice pages: the list, one invoice with its actions, a new invoice from a client's time. */
@Controller
@RequestMapping("/invoices")
@PreAuthorize("hasAnyRole('ADMIN','MANAGER','AUDITOR')")
class InvoicePages {

	private static final String BILLERS = "hasAnyRole('ADMIN','MANAGER')";

	private static final String FORM = "invoices/new";

	private final InvoiceMaking making;

	private final InvoiceDelivery delivery;

	private final InvoicePayments payments;

	private final InvoiceRegister invoices;

	private final ContactService contacts;

	private final InvoicePreview previews;

	InvoicePages(InvoiceMaking making, InvoiceDelivery delivery, InvoicePayments payments, InvoiceRegister invoices,
			ContactService contacts, InvoicePreview previews) {
		this.previews = previews;
		this.making = making;
		this.delivery = delivery;
		this.payments = payments;
		this.invoices = invoices;
		this.contacts = contacts;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long contactId,
			Model model) {
		model.addAttribute("invoices", invoices.list(user, contactId));
		return "invoices/list";
	}

	@GetMapping("/new")
	@PreAuthorize(BILLERS)
	String newForm(Model model) {
		model.addAttribute("form", new InvoiceRequest());
		return form(model);
	}

	/** The lines, total and entry count the form's period would give, with buttons to make it (and send it). */
	@PostMapping("/preview")
	@PreAuthorize(BILLERS)
	String preview(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") InvoiceRequest form,
			BindingResult result, Model model) {
		form.setApprovalId(null);
		if (result.hasErrors()) {
			return form(model);
		}
		try {
			model.addAttribute("preview", previews.preview(user, form));
			return form(model);
		}
		catch (RuleViolationException refused) {
			result.rejectValue(refused.field(), "refused", refused.getMessage());
			return form(model);
		}
		catch (ConflictException nothing) {
			result.reject("conflict", nothing.getMessage());
			return form(model);
		}
	}

	@PostMapping
	@PreAuthorize(BILLERS)
	String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") InvoiceRequest form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		form.setApprovalId(null); // this form invoices a range; approvals have their own button
		if (result.hasErrors()) {
			return form(model);
		}
		try {
			Invoice created = form.isSend() ? delivery.makeAndSend(user, form)
					: making.fromRange(user, form.getContactId(), form.getFrom(), form.getTo());
			redirect.addFlashAttribute("message", (created.isSent() ? "Invoice " + created.number()
					+ " made from " + created.entryCount() + " entries and sent to " + created.contactName() + "."
					: "Draft invoice " + created.number() + " made from " + created.entryCount() + " entries."));
			return "redirect:/invoices/" + created.id();
		}
		catch (RuleViolationException refused) {
			result.rejectValue(refused.field(), "refused", refused.getMessage());
			return form(model);
		}
		catch (ConflictException nothing) {
			result.reject("conflict", nothing.getMessage());
			return form(model);
		}
	}

	/** The approval page's "Convert to invoice" button. */
	@PostMapping("/from-approval")
	@PreAuthorize(BILLERS)
	String fromApproval(@AuthenticationPrincipal CurrentUser user, @RequestParam long approvalId,
			@RequestParam(defaultValue = "false") boolean send, RedirectAttributes redirect) {
		try {
			Invoice created;
			if (send) {
				InvoiceRequest request = new InvoiceRequest();
				request.setApprovalId(approvalId);
				created = delivery.makeAndSend(user, request);
				redirect.addFlashAttribute("message", "Invoice " + created.number() + " made from the approved hours "
						+ "and sent to " + created.contactName() + ".");
				return "redirect:/invoices/" + created.id();
			}
			created = making.fromApproval(user, approvalId);
			redirect.addFlashAttribute("message", "Draft invoice " + created.number()
					+ " made from the approved hours.");
			return "redirect:/invoices/" + created.id();
		}
		catch (ConflictException refused) {
			Optional<Invoice> existing = invoices.liveForApproval(user, approvalId);
			redirect.addFlashAttribute("error", refused.getMessage());
			return existing.map(i -> "redirect:/invoices/" + i.id()).orElse("redirect:/approvals/" + approvalId);
		}
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("invoice", invoices.get(user, id));
		model.addAttribute("mayBill", InvoiceRegister.mayBill(user));
		model.addAttribute("views", delivery.views(user, id).orElse(null));
		return "invoices/detail";
	}

	@PostMapping("/{id}/send")
	@PreAuthorize(BILLERS)
	String send(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> "Sent: the mail with the PDF and a link to view it online is on its way to "
				+ delivery.send(user, id).contactName() + ".");
	}

	@PostMapping("/{id}/pay")
	@PreAuthorize(BILLERS)
	String pay(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> "Marked paid: " + payments.pay(user, id).number() + ".");
	}

	@PostMapping("/{id}/void")
	@PreAuthorize(BILLERS)
	String voidInvoice(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		if (reason != null && reason.length() > 1000) {
			redirect.addFlashAttribute("error", "The reason may have at most 1000 characters.");
			redirect.addFlashAttribute("reason", reason);
			return "redirect:/invoices/" + id;
		}
		return act(id, redirect, () -> "Voided " + payments.voidInvoice(user, id, reason).number()
				+ ": its entries are finalized again and can go on a new invoice.");
	}

	private static String act(long id, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
		try {
			redirect.addFlashAttribute("message", action.get());
		}
		catch (ConflictException refused) {
			redirect.addFlashAttribute("error", refused.getMessage());
		}
		return "redirect:/invoices/" + id;
	}

	private String form(Model model) {
		model.addAttribute("contacts", contacts.list());
		return FORM;
	}
}
