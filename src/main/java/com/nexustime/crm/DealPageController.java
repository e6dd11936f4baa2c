package com.nexustime.crm;

import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
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

import com.nexustime.system.web.RuleViolationException;

/** The deal pages: list (optionally for one client) and the add/edit form. */
@Controller
@RequestMapping("/deals")
class DealPageController {

	private static final String FORM = "deals/form";

	private static final String EDITORS = "hasAnyRole('ADMIN','MANAGER')";

	private final DealService deals;

	private final ContactService contacts;

	DealPageController(DealService deals, ContactService contacts) {
		this.deals = deals;
		this.contacts = contacts;
	}

	@ModelAttribute("stages")
	DealStage[] stages() {
		return DealStage.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) Long contactId, Model model) {
		model.addAttribute("deals", deals.list(contactId));
		model.addAttribute("contactId", contactId);
		addClients(model);
		return "deals/list";
	}

	@GetMapping("/new")
	@PreAuthorize(EDITORS)
	String newForm(@RequestParam(required = false) Long contactId, Model model) {
		DealForm form = new DealForm();
		form.setContactId(contactId);
		form.setStage(DealStage.OPEN);
		model.addAttribute("form", form);
		addClients(model);
		return FORM;
	}

	@PostMapping
	@PreAuthorize(EDITORS)
	String create(@Valid @ModelAttribute("form") DealForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Deal created = deals.create(form);
				redirect.addFlashAttribute("message", "Deal " + created.title() + " added.");
				return "redirect:/contacts/" + created.contactId();
			}
			catch (RuleViolationException ex) {
				result.rejectValue(ex.field(), "rule", ex.getMessage());
			}
		}
		addClients(model);
		return FORM;
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize(EDITORS)
	String editForm(@PathVariable Long id, Model model) {
		model.addAttribute("dealId", id);
		model.addAttribute("form", DealForm.of(deals.get(id)));
		addClients(model);
		return FORM;
	}

	@PostMapping("/{id}")
	@PreAuthorize(EDITORS)
	String change(@PathVariable Long id, @Valid @ModelAttribute("form") DealForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Deal saved = deals.change(id, DealChanges.of(form));
				redirect.addFlashAttribute("message", "Deal saved.");
				return "redirect:/contacts/" + saved.contactId();
			}
			catch (OptimisticLockingFailureException ex) {
				result.reject("stale", "Someone else changed this deal meanwhile; reload the page to see their change.");
			}
		}
		model.addAttribute("dealId", id);
		addClients(model);
		return FORM;
	}

	private void addClients(Model model) {
		var clients = contacts.list();
		model.addAttribute("clients", clients);
		model.addAttribute("clientNames", clients.stream().collect(Collectors.toMap(Contact::id, Contact::name)));
	}
}
