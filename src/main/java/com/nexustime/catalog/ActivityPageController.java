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

/** The activity catalog pages; administrators add and change activities. */
@Controller
@RequestMapping("/activities")
class ActivityPageController {

	private static final String FORM = "activities/form";

	private final ActivityService activities;

	ActivityPageController(ActivityService activities) {
		this.activities = activities;
	}

	@ModelAttribute("categories")
	ActivityCategory[] categories() {
		return ActivityCategory.values();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("activities", activities.list());
		return "activities/list";
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('ADMIN')")
	String newForm(Model model) {
		ActivityForm form = new ActivityForm();
		form.setBillable(true);
		form.setActive(true);
		model.addAttribute("form", form);
		return FORM;
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	String create(@Valid @ModelAttribute("form") ActivityForm form, BindingResult result, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Activity created = activities.create(form);
				redirect.addFlashAttribute("message", "Activity " + created.name() + " added.");
				return "redirect:/activities";
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
		model.addAttribute("activityId", id);
		model.addAttribute("form", ActivityForm.of(activities.get(id)));
		return FORM;
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String change(@PathVariable Long id, @Valid @ModelAttribute("form") ActivityForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				activities.change(id, ActivityChanges.of(form));
				redirect.addFlashAttribute("message", "Activity saved.");
				return "redirect:/activities";
			}
			catch (ConflictException ex) {
				result.rejectValue("name", "duplicate", ex.getMessage());
			}
			catch (OptimisticLockingFailureException ex) {
				result.reject("stale", "Someone else changed this activity meanwhile; reload the page to see their change.");
			}
		}
		model.addAttribute("activityId", id);
		return FORM;
	}
}
