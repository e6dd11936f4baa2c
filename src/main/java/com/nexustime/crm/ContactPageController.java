package com.nexustime.crm;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.nexustime.system.web.ConflictException;

/** The client pages: list, detail with deals and projects, and the add/edit form. */
@Controller
@RequestMapping("/contacts")
class ContactPageController {

	private static final String FORM = "contacts/form";

	private static final String EDITORS = "hasAnyRole('ADMIN','MANAGER')";

	private final ContactService contacts;

	private final DealService deals;

	// the detail page shows the client's projects; catalog owns them and answers through ClientProjects
	private final ClientProjects projects;

	ContactPageController(ContactService contacts, DealService deals, ClientProjects projects) {
		this.contacts = contacts;
		this.deals = deals;
		this.projects = projects;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("contacts", contacts.list());
		return "contacts/list";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable Long id, Model model) {
		model.addAttribute("contact", contacts.get(id));
		model.addAttribute("deals", deals.list(id));
		model.addAttribute("projects", projects.of(id));
		return "contacts/detail";
	}

	@GetMapping("/new")
	@PreAuthorize(EDITORS)
	String newForm(Model model) {
		model.addAttribute("form", new ContactForm());
		return FORM;
	}

	@PostMapping
	@PreAuthorize(EDITORS)
	String create(@Valid @ModelAttribute("form") ContactForm form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return FORM;
		}
		Contact created = contacts.create(form);
		redirect.addFlashAttribute("message", "Client " + created.name() + " added.");
		return "redirect:/contacts/" + created.id();
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize(EDITORS)
	String editForm(@PathVariable Long id, Model model) {
		model.addAttribute("contactId", id);
		model.addAttribute("form", ContactForm.of(contacts.get(id)));
		return FORM;
	}

	@PostMapping("/{id}")
	@PreAuthorize(EDITORS)
	String change(@PathVariable Long id, @Valid @ModelAttribute("form") ContactForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("contactId", id);
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			contacts.change(id, ContactChanges.of(form));
		}
		catch (OptimisticLockingFailureException ex) {
			result.reject("stale", "Someone else changed this client meanwhile; reload the page to see their change.");
			return FORM;
		}
		catch (ConflictException pending) {
			result.rejectValue("email", "pending", pending.getMessage());
			return FORM;
		}
		redirect.addFlashAttribute("message", "Client saved.");
		return "redirect:/contacts/" + id;
	}
}
