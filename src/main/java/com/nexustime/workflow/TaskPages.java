package com.nexustime.workflow;

import java.util.List;
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
		return render(tasklist.task(user, id), Map.of(), model);
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
		catch (RuleViolationException refused) {
			model.addAttribute("error", refused.getMessage());
			model.addAttribute("fieldError", refused.field());
			Map<String, String> typed = new java.util.HashMap<>();
			form.forEach((key, values) -> typed.put(key, values.isEmpty() ? null : values.get(values.size() - 1)));
			return render(task, typed, model);
		}
		catch (ConflictException refused) {
			redirect.addFlashAttribute("error", refused.getMessage());
			return "redirect:/tasks";
		}
	}

	private String render(Tasklist.TaskView task, Map<String, String> typed, Model model) {
		model.addAttribute("task", task);
		model.addAttribute("typed", typed);
		model.addAttribute("fields", tasklist.formOf(task).map(form -> FormField.of(form.schema())).orElse(List.of()));
		tasklist.contextOf(task).ifPresent(context -> {
			model.addAttribute("contextFragment", context.fragment());
			model.addAllAttributes(context.model(task.businessKey()));
		});
		return "tasks/form";
	}
}
