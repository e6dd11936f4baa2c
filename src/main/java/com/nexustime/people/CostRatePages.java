package com.nexustime.people;

import java.time.LocalDate;

import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cost-rate section of the user edit page (admins only). A refused form goes back to the edit page with what
 * was typed and the errors, carried as flash attributes so the main form's own state is untouched.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CostRatePages {

	static final String FORM = "costRate";

	private final CostRates costRates;

	CostRatePages(CostRates costRates) {
		this.costRates = costRates;
	}

	@PostMapping("/users/{id}/cost-rates")
	String set(@PathVariable long id, @Valid @ModelAttribute(FORM) NewCostRate form, BindingResult result,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			redirect.addFlashAttribute(FORM, form);
			redirect.addFlashAttribute("org.springframework.validation.BindingResult." + FORM, result);
		}
		else {
			CostRates.CostRate saved = costRates.set(id, form);
			redirect.addFlashAttribute("message",
					"Cost rate " + saved.rate().toPlainString() + " from " + saved.effectiveFrom() + " saved.");
		}
		return "redirect:/users/" + id + "/edit#cost-rates";
	}

	@PostMapping("/users/{id}/cost-rates/{effectiveFrom}/delete")
	String remove(@PathVariable long id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
			RedirectAttributes redirect) {
		costRates.remove(id, effectiveFrom);
		redirect.addFlashAttribute("message", "Cost rate from " + effectiveFrom + " removed.");
		return "redirect:/users/" + id + "/edit#cost-rates";
	}
}
