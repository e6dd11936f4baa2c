package com.nexustime.approval;

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
import com.nexustime.system.security.Role;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.RuleViolationException;

/** The owner's pages: the submissions, a new one with a preview before sending, and one submission's evidence. */
@Controller
@RequestMapping("/approvals")
class ApprovalPages {

	private static final String FORM = "approvals/new";

	private static final String SENDERS = "hasAnyRole('STAFF','MANAGER','ADMIN')";

	private final ApprovalSending sending;

	private final ApprovalDecisions decisions;

	private final ApprovalEvidence evidence;

	private final ContactService contacts;

	private final ApprovalInvoices invoices;

	private final ApprovalMail mail;

	ApprovalPages(ApprovalSending sending, ApprovalDecisions decisions, ApprovalEvidence evidence,
			ContactService contacts, ApprovalInvoices invoices, ApprovalMail mail) {
		this.sending = sending;
		this.decisions = decisions;
		this.evidence = evidence;
		this.mail = mail;
		this.contacts = contacts;
		this.invoices = invoices;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("approvals", evidence.list(user, null));
		return "approvals/list";
	}

	@GetMapping("/new")
	@PreAuthorize(SENDERS)
	String newForm(Model model) {
		model.addAttribute("form", new ApprovalRequest());
		return form(model);
	}

	/** "Preview" shows what would be sent and creates nothing; "Send" creates the submission. */
	@PostMapping
	@PreAuthorize(SENDERS)
	String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") ApprovalRequest form,
			BindingResult result, @RequestParam(defaultValue = "preview") String action, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(model);
		}
		try {
			if (!"send".equals(action)) {
				model.addAttribute("preview", sending.preview(user, form));
				return form(model);
			}
			ClientApproval created = sending.create(user, form);
			redirect.addFlashAttribute("message", "Sent for approval. The link goes to the client's mailbox only: "
					+ "nobody else sees it, so only the client can sign.");
			return "redirect:/approvals/" + created.id();
		}
		catch (RuleViolationException refused) {
			result.rejectValue(refused.field(), "refused", refused.getMessage());
			return form(model);
		}
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		ClientApproval approval = evidence.get(user, id);
		model.addAttribute("approval", approval);
		model.addAttribute("trail", evidence.trail(user, id));
		if ("APPROVED".equals(approval.status())) {
			var live = invoices.live(user, id);
			model.addAttribute("liveInvoice", live.orElse(null));
			model.addAttribute("mayBill", invoices.mayBill(user));
			// a rolled-back conversion (empty for someone who may not bill): only while nothing is billed
			model.addAttribute("invoicePreview", live.isPresent() ? null : invoices.preview(user, id).orElse(null));
		}
		model.addAttribute("mayResend", approval.isPending() && (user.isAdmin() || user.id().equals(approval.ownerId())));
		if (user.isAdmin() || user.has(Role.AUDITOR)) {
			model.addAttribute("snapshot", evidence.snapshot(user, id));
			model.addAttribute("invoices", invoices.madeFrom(user, id));
		}
		return "approvals/detail";
	}

	@PostMapping("/{id}/cancel")
	String cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			decisions.cancel(user, id);
			redirect.addFlashAttribute("message", "Cancelled: the link no longer works and the entries are editable again.");
		}
		catch (ConflictException decided) {
			redirect.addFlashAttribute("error", decided.getMessage());
		}
		return "redirect:/approvals/" + id;
	}

	@PostMapping("/{id}/resend")
	@PreAuthorize(SENDERS)
	String resend(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			mail.resend(user, id);
			redirect.addFlashAttribute("message", "A new link is on its way to the client's mailbox; the earlier ones still work.");
		}
		catch (ConflictException closed) {
			redirect.addFlashAttribute("error", closed.getMessage());
		}
		return "redirect:/approvals/" + id;
	}

	private String form(Model model) {
		model.addAttribute("contacts", contacts.list());
		model.addAttribute("groupings", Grouping.values());
		return FORM;
	}
}
