package com.nexustime.people;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.nexustime.system.security.AccessTokens.IssuedToken;
import com.nexustime.system.security.CurrentUser;

/** The signed-in person's access tokens; a new token's secret is shown on the one page after creating it. */
@Controller
class TokenPages {

	private static final String VIEW = "people/tokens";

	/** The page's form: a name and an optional last day of validity. */
	public static class TokenForm {

		@NotBlank
		@Size(max = 100)
		private String name;

		@Future
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate expiresOn;

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public LocalDate getExpiresOn() {
			return expiresOn;
		}

		public void setExpiresOn(LocalDate expiresOn) {
			this.expiresOn = expiresOn;
		}
	}

	private final PersonalTokens tokens;

	TokenPages(PersonalTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/me/tokens")
	String list(@AuthenticationPrincipal CurrentUser caller, Model model) {
		if (!model.containsAttribute("token")) {
			model.addAttribute("token", new TokenForm());
		}
		model.addAttribute("tokens", tokens.list(caller.id()));
		return VIEW;
	}

	@PostMapping("/me/tokens")
	String issue(@Valid @ModelAttribute("token") TokenForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser caller, Model model, RedirectAttributes redirect) {
		if (form.getExpiresOn() != null && form.getExpiresOn().isAfter(LocalDate.now(ZoneOffset.UTC).plusYears(1))) {
			result.rejectValue("expiresOn", "tooLate", "A token can last at most one year.");
		}
		if (result.hasErrors()) {
			model.addAttribute("tokens", tokens.list(caller.id()));
			return VIEW;
		}
		// valid through the whole of the chosen day, in UTC
		IssuedToken issued = tokens.issue(caller.id(), form.getName(), form.getExpiresOn() == null ? null
				: form.getExpiresOn().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		redirect.addFlashAttribute("issued", issued);
		redirect.addFlashAttribute("message", "Token \"" + issued.name() + "\" created. Copy it now: it is not shown again.");
		return "redirect:/me/tokens";
	}

	@PostMapping("/me/tokens/{id}/revoke")
	String revoke(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller, RedirectAttributes redirect) {
		tokens.revoke(caller.id(), id);
		redirect.addFlashAttribute("message", "Token revoked; it no longer signs anyone in.");
		return "redirect:/me/tokens";
	}
}
