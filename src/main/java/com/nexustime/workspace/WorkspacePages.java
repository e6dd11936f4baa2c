package com.nexustime.workspace;

import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The workspace settings page, for admins. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class WorkspacePages {

	private static final String VIEW = "workspace/settings";

	private final WorkspaceSettings settings;

	WorkspacePages(WorkspaceSettings settings) {
		this.settings = settings;
	}

	@ModelAttribute("weekStarts")
	WeekStart[] weekStarts() {
		return WeekStart.values();
	}

	@GetMapping("/settings/workspace")
	String show(Model model) {
		model.addAttribute("workspace", WorkspaceForm.of(settings.current()));
		return VIEW;
	}

	@PostMapping("/settings/workspace")
	String save(@Valid @ModelAttribute("workspace") WorkspaceForm form, BindingResult result,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return VIEW;
		}
		try {
			settings.update(form);
		}
		catch (OptimisticLockingFailureException ex) {
			result.reject("stale", "Someone else saved the settings while you were editing; reload to see their "
					+ "changes, then apply yours again.");
			return VIEW;
		}
		redirect.addFlashAttribute("message", "Workspace settings saved.");
		return "redirect:/settings/workspace";
	}
}
