package com.nexustime.rules;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.nexustime.workflow.DeployedProcesses;
import com.nexustime.workflow.FormCatalog;

/**
 * The process owner's page "Processes, rules and forms": every deployed process with all its versions and
 * running instances and the latest diagram, the rule files and their last load with a reload button, and the
 * task forms with the user tasks that use them. {@code /admin/rules} is its older address.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','PROCESS_OWNER')")
class RulesPageController {

	static final String VIEW = "admin/rules";

	static final String REDIRECT = "redirect:/admin/processes";

	private final RuleAdministration rules;

	private final DeployedProcesses processes;

	private final FormCatalog forms;

	RulesPageController(RuleAdministration rules, DeployedProcesses processes, FormCatalog forms) {
		this.rules = rules;
		this.processes = processes;
		this.forms = forms;
	}

	@GetMapping({ "/admin/processes", "/admin/rules" })
	String show(Model model) {
		model.addAttribute("rules", rules.overview());
		model.addAttribute("processes", processes.allVersions());
		model.addAttribute("formUses", processes.formUses());
		model.addAttribute("forms", forms.forms());
		model.addAttribute("formsLocation", forms.location());
		return VIEW;
	}

	@PostMapping("/admin/rules/reload")
	String reload(RedirectAttributes redirect) {
		RuleLoad load = rules.reload();
		if (load.ok()) {
			redirect.addFlashAttribute("message", "Rules reloaded: " + load.files().size() + " file(s) in effect.");
		}
		else {
			redirect.addFlashAttribute("error", "Rules not reloaded: " + load.errors().size()
					+ " error(s). The previous rules stay in effect.");
			redirect.addFlashAttribute("ruleErrors", load.errors());
		}
		return REDIRECT;
	}
}
