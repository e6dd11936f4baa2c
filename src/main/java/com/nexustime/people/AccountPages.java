package com.nexustime.people;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.PasswordGuesses;
import com.nexustime.system.web.RuleViolationException;

/**
 * The password pages: my password (signed in), and, without an account session, the forgotten-password form and
 * the page a reset or invitation link opens. Refusals keep what was typed, except passwords, and name the field.
 */
@Controller
class AccountPages {

	private static final String CHANGE = "account/password";

	private static final String FORGOT = "account/forgot";

	private static final String RESET = "account/reset";

	private final Accounts accounts;

	private final OwnPassword ownPassword;

	private final SignedInSessions sessions;

	AccountPages(Accounts accounts, OwnPassword ownPassword, SignedInSessions sessions) {
		this.accounts = accounts;
		this.ownPassword = ownPassword;
		this.sessions = sessions;
	}

	@GetMapping("/me/password")
	String changeForm() {
		return CHANGE;
	}

	@PostMapping("/me/password")
	String change(@AuthenticationPrincipal CurrentUser caller, @RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmPassword,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			if (newPassword != null && !newPassword.equals(confirmPassword)) {
				throw new RuleViolationException("confirmPassword", "The two new passwords differ.");
			}
			ownPassword.change(caller, request.getRemoteAddr(), currentPassword, newPassword);
		}
		catch (PasswordGuesses.Blocked blocked) {
			// nothing typed is kept: the form holds only passwords
			model.addAttribute("field", "currentPassword");
			model.addAttribute("refusal", blocked.getMessage());
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(blocked.seconds()));
			return CHANGE;
		}
		catch (RuleViolationException refused) {
			model.addAttribute("field", refused.field());
			model.addAttribute("refusal", refused.getMessage());
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return CHANGE;
		}
		sessions.keepThisOne(caller.id(), request, response);
		redirect.addFlashAttribute("message", "Your password is changed. Your other sessions are signed out.");
		return "redirect:/me/password";
	}

	@GetMapping("/password/forgot")
	String forgotForm() {
		return FORGOT;
	}

	/** The same page whether or not the address belongs to someone. */
	@PostMapping("/password/forgot")
	String forgot(@RequestParam(required = false) String email, Model model) {
		accounts.forgotten(email);
		model.addAttribute("sent", true);
		model.addAttribute("email", email == null ? "" : email.length() > 254 ? email.substring(0, 254) : email);
		return FORGOT;
	}

	@GetMapping("/password/reset")
	String resetForm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		Accounts.LinkPage link = accounts.open(token);
		model.addAttribute("link", link);
		model.addAttribute("token", token);
		if (!link.usable()) {
			response.setStatus("UNKNOWN".equals(link.refusal()) ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
		}
		return RESET;
	}

	@PostMapping("/password/reset")
	String reset(@RequestParam(required = false) String token, @RequestParam(required = false) String newPassword,
			@RequestParam(required = false) String confirmPassword, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			if (newPassword != null && !newPassword.equals(confirmPassword)) {
				Accounts.LinkPage link = accounts.open(token);
				if (link.usable()) {
					throw new RuleViolationException("confirmPassword", "The two passwords differ.");
				}
			}
			accounts.setWithLink(token, newPassword);
		}
		catch (Accounts.LinkUnusable unusable) {
			model.addAttribute("link", new Accounts.LinkPage(false, false, null, unusable.reason()));
			response.setStatus("UNKNOWN".equals(unusable.reason()) ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
			return RESET;
		}
		catch (RuleViolationException refused) {
			model.addAttribute("link", accounts.open(token));
			model.addAttribute("token", token);
			model.addAttribute("field", refused.field());
			model.addAttribute("refusal", refused.getMessage());
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return RESET;
		}
		return "redirect:/login?passwordSet";
	}
}
