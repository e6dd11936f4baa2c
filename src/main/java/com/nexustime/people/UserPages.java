package com.nexustime.people;

import java.beans.PropertyEditorSupport;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.RuleViolationException;

/** The people pages: everyone with their roles and manager; admins add and edit. */
@Controller
class UserPages {

	private static final String LIST = "people/users";

	private static final String NEW_FORM = "people/user-new";

	private static final String EDIT_FORM = "people/user-edit";

	private final UserService users;

	private final WorkingHours workingHours;

	private final CostRates costRates;

	private final Accounts accounts;

	UserPages(UserService users, WorkingHours workingHours, CostRates costRates, Accounts accounts) {
		this.accounts = accounts;
		this.workingHours = workingHours;
		this.users = users;
		this.costRates = costRates;
	}

	@InitBinder({ "changes", "user" })
	void emptyPasswordMeansUnchanged(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, "password", new PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				setValue(text == null || text.isEmpty() ? null : text);
			}
		});
	}

	@ModelAttribute("allRoles")
	Role[] allRoles() {
		return Role.values();
	}

	@GetMapping("/users")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER','AUDITOR')")
	String list(@AuthenticationPrincipal CurrentUser caller, Model model) {
		List<UserView> everyone = users.visibleTo(caller);
		model.addAttribute("users", everyone);
		model.addAttribute("names", names(everyone));
		return LIST;
	}

	@GetMapping("/users/new")
	@PreAuthorize("hasRole('ADMIN')")
	String newForm(@AuthenticationPrincipal CurrentUser caller, Model model) {
		NewUser user = new NewUser();
		user.setRoles(EnumSet.of(Role.STAFF));
		model.addAttribute("user", user);
		model.addAttribute("workspaceWeeklyHours", workingHours.workspaceWeeklyHours().stripTrailingZeros().toPlainString());
		model.addAttribute("managers", users.visibleTo(caller));
		return NEW_FORM;
	}

	@PostMapping("/users")
	@PreAuthorize("hasRole('ADMIN')")
	String create(@Valid @ModelAttribute("user") NewUser user, BindingResult result,
			@AuthenticationPrincipal CurrentUser caller, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				UserView created = users.create(user);
				redirect.addFlashAttribute("message", user.isInvite()
						? "Added " + created.name() + " and mailed them an invitation to set their password."
						: "Added " + created.name() + ".");
				return "redirect:/users";
			}
			catch (ConflictException ex) {
				result.rejectValue("email", "duplicate", ex.getMessage());
			}
			catch (RuleViolationException ex) {
				result.rejectValue(ex.field(), "rule", ex.getMessage());
			}
		}
		model.addAttribute("workspaceWeeklyHours", workingHours.workspaceWeeklyHours().stripTrailingZeros().toPlainString());
		model.addAttribute("managers", users.visibleTo(caller));
		return NEW_FORM;
	}

	@GetMapping("/users/{id}/edit")
	@PreAuthorize("hasRole('ADMIN')")
	String editForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller, Model model) {
		UserView user = users.get(id, caller);
		UserChanges changes = new UserChanges();
		changes.setName(user.name());
		changes.setRoles(user.roles());
		changes.setManagerId(user.managerId());
		changes.setWeeklyHours(user.weeklyHours());
		changes.setActive(user.active());
		return editPage(user, changes, caller, model);
	}

	@PostMapping("/users/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String change(@PathVariable long id, @Valid @ModelAttribute("changes") UserChanges changes, BindingResult result,
			@AuthenticationPrincipal CurrentUser caller, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				UserView saved = users.change(id, changes, caller);
				redirect.addFlashAttribute("message", "Saved " + saved.name() + ".");
				return "redirect:/users";
			}
			catch (RuleViolationException ex) {
				result.rejectValue(ex.field(), "rule", ex.getMessage());
			}
		}
		return editPage(users.get(id, caller), changes, caller, model);
	}

	/** Mails the person a new link to set their password; the earlier one stops working. */
	@PostMapping("/users/{id}/invitation")
	@PreAuthorize("hasRole('ADMIN')")
	String invite(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller, RedirectAttributes redirect) {
		UserView user = users.get(id, caller);
		try {
			accounts.invite(id);
			redirect.addFlashAttribute("message", "Mailed " + user.name() + " a link to set their password.");
		}
		catch (RuleViolationException refused) {
			redirect.addFlashAttribute("error", refused.getMessage());
		}
		return "redirect:/users/" + id + "/edit";
	}

	private String editPage(UserView user, UserChanges changes, CurrentUser caller, Model model) {
		model.addAttribute("subject", user);
		model.addAttribute("changes", changes);
		model.addAttribute("workspaceWeeklyHours", workingHours.workspaceWeeklyHours().stripTrailingZeros().toPlainString());
		model.addAttribute("managers",
				users.visibleTo(caller).stream().filter(u -> !u.id().equals(user.id())).toList());
		model.addAttribute("costRates", costRates.of(user.id()));
		if (!model.containsAttribute(CostRatePages.FORM)) {
			model.addAttribute(CostRatePages.FORM, new NewCostRate());
		}
		return EDIT_FORM;
	}

	private static Map<Long, String> names(List<UserView> users) {
		return users.stream().collect(Collectors.toMap(UserView::id, UserView::name, (a, b) -> a));
	}
}
