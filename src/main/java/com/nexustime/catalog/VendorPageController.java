package com.nexustime.catalog;

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

/** The vendor pages; administrators add and change vendors. */
@Controller
@RequestMapping("/vendors")
class VendorPageController {

	private static final String FORM = "vendors/form";

	private final VendorService vendors;

	VendorPageController(VendorService vendors) {
		this.vendors = vendors;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("vendors", vendors.list());
		return "vendors/list";
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('ADMIN')")
	String newForm(Model model) {
		VendorForm form = new VendorForm();
		form.setActive(true);
		model.addAttribute("form", form);
		return FORM;
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	String create(@Valid @ModelAttribute("form") VendorForm form, BindingResult result, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Vendor created = vendors.create(form);
				redirect.addFlashAttribute("message", "Vendor " + created.name() + " added.");
				return "redirect:/vendors";
			}
			catch (ConflictException ex) {
				result.rejectValue("name", "duplicate", ex.getMessage());
			}
		}
		return FORM;
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasRole('ADMIN')")
	String editForm(@PathVariable Long id, Model model) {
		model.addAttribute("vendorId", id);
		model.addAttribute("form", VendorForm.of(vendors.get(id)));
		return FORM;
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String change(@PathVariable Long id, @Valid @ModelAttribute("form") VendorForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				vendors.change(id, VendorChanges.of(form));
				redirect.addFlashAttribute("message", "Vendor saved.");
				return "redirect:/vendors";
			}
			catch (ConflictException ex) {
				result.rejectValue("name", "duplicate", ex.getMessage());
			}
			catch (OptimisticLockingFailureException ex) {
				result.reject("stale", "Someone else changed this vendor meanwhile; reload the page to see their change.");
			}
		}
		model.addAttribute("vendorId", id);
		return FORM;
	}
}
