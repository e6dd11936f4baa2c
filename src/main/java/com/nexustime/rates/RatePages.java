package com.nexustime.rates;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.RuleViolationException;

/** The rate card: every rate with what it applies to; admins add new ones. */
@Controller
class RatePages {

	private static final String VIEW = "rates/rates";

	private final RateService rates;

	RatePages(RateService rates) {
		this.rates = rates;
	}

	@GetMapping("/rates")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER','AUDITOR')")
	String list(Model model) {
		NewRate rate = new NewRate();
		rate.setScope(RateScope.USER);
		return page(rate, model);
	}

	@PostMapping("/rates")
	@PreAuthorize("hasRole('ADMIN')")
	String create(@Valid @ModelAttribute("rate") NewRate rate, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				rates.create(rate);
				redirect.addFlashAttribute("message", "Rate added.");
				return "redirect:/rates";
			}
			catch (RuleViolationException ex) {
				result.rejectValue(ex.field(), "rule", ex.getMessage());
			}
			catch (ConflictException ex) {
				result.rejectValue("effectiveFrom", "duplicate", ex.getMessage());
			}
		}
		return page(rate, model);
	}

	private String page(NewRate rate, Model model) {
		model.addAttribute("rate", rate);
		model.addAttribute("rates", rates.list(null, null));
		model.addAttribute("scopes", RateScope.values());
		model.addAttribute("users", rates.users());
		model.addAttribute("projects", rates.projects());
		model.addAttribute("activities", rates.activities());
		return VIEW;
	}
}
