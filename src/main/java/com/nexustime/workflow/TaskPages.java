package com.nexustime.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.RuleViolationException;

/** The tasklist: my tasks and my groups' tasks, and each task's form rendered from forms/. */
@Controller
class TaskPages {

	private final Tasklist tasklist;

	TaskPages(Tasklist tasklist) {
		this.tasklist = tasklist;
	}

	@GetMapping("/tasks")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("tasks", tasklist.tasksOf(user));
		model.addAttribute("me", Tasklist.engineId(user));
		return "tasks/list";
	}

	@GetMapping("/tasks/{id}")
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, Model model) {
		return render(tasklist.task(user, id), null, Map.of(), model);
	}

	/** A task the person may not take answers 403, like the API; one taken by someone else returns with a note. */
	@PostMapping("/tasks/{id}/claim")
	String claim(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, RedirectAttributes redirect) {
		try {
			tasklist.claim(user, id);
			redirect.addFlashAttribute("message", "The task is yours now.");
		}
		catch (ConflictException refused) {
			redirect.addFlashAttribute("error", refused.getMessage());
		}
		return "redirect:/tasks/" + id;
	}

	@PostMapping("/tasks/{id}")
	String complete(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
		Tasklist.TaskView task = tasklist.task(user, id);
		try {
			tasklist.complete(user, id, form);
			redirect.addFlashAttribute("message", "Done: " + task.name() + ".");
			return "redirect:/tasks";
		}
		catch (FormRejected refused) {
			Map<String, String> errors = new LinkedHashMap<>();
			refused.errors().forEach(e -> errors.putIfAbsent(e.field(), e.message()));
			model.addAttribute("formRefused", true);
			return render(task, form, errors, model);
		}
		catch (RuleViolationException refused) {
			String view = render(task, form,
					refused.field() == null ? Map.of() : Map.of(refused.field(), refused.getMessage()), model);
			if (!(model.getAttribute("form") instanceof FormView shown) || shown.refused().isEmpty()) {
				// a refusal that names no field of the form is shown above the page instead
				model.addAttribute("error", refused.getMessage());
			}
			return view;
		}
		catch (ConflictException refused) {
			redirect.addFlashAttribute("error", refused.getMessage());
			return "redirect:/tasks";
		}
	}

	/** The task page; {@code typed} is what was posted (null: the form as it opens), {@code errors} by field key. */
	private String render(Tasklist.TaskView task, MultiValueMap<String, String> typed, Map<String, String> errors,
			Model model) {
		model.addAttribute("task", task);
		try {
			tasklist.schemaOf(task).ifPresent(form -> model.addAttribute("form",
					typed == null ? FormView.initial(form) : FormView.typed(form, typed, errors)));
		}
		catch (RuleViolationException unreadable) {
			model.addAttribute("error", unreadable.getMessage());
		}
		tasklist.contextOf(task).ifPresent(context -> {
			model.addAttribute("contextFragment", context.fragment());
			model.addAllAttributes(context.model(task.businessKey()));
		});
		return "tasks/form";
	}
}
