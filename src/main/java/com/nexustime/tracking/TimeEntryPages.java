package com.nexustime.tracking;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.nexustime.catalog.BillingMode;
import com.nexustime.catalog.Project;
import com.nexustime.catalog.ProjectService;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.InvalidInputException;
import com.nexustime.system.web.RuleViolationException;
import com.nexustime.workspace.WorkspaceSettings;

/** The "Time entries" page: a manual entry form, the recent entries, and the bulk paste with its preview. */
@Controller
@PreAuthorize("hasAnyRole('STAFF','MANAGER','ADMIN')")
class TimeEntryPages {

	private static final String LIST_VIEW = "time/index";

	private static final String IMPORT_VIEW = "time/import";

	private static final String EDIT_VIEW = "time/edit";

	record Choice(long id, String name) {
	}

	private final TimeEntryService entries;

	private final BulkEntryImport bulk;

	private final WorkspaceSettings workspace;

	private final JdbcClient jdbc;

	private final Bookability bookability;

	private final ProjectService projects;

	TimeEntryPages(TimeEntryService entries, BulkEntryImport bulk, WorkspaceSettings workspace, JdbcClient jdbc,
			Bookability bookability, ProjectService projects) {
		this.bookability = bookability;
		this.projects = projects;
		this.entries = entries;
		this.bulk = bulk;
		this.workspace = workspace;
		this.jdbc = jdbc;
	}

	@GetMapping("/time")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		EntryForm form = new EntryForm();
		form.setDate(LocalDate.now(workspace.current().zone()));
		model.addAttribute("entryForm", form);
		return show(user, form, model);
	}

	@PostMapping("/time")
	String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("entryForm") EntryForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				TimeEntry entry = entries.create(user,
						toRequest(form, workspace.current().zone()).withArtwork(form.getArtworkId()));
				redirect.addFlashAttribute("message", "Saved " + describe(entry) + ".");
				if (!entry.alerts().isEmpty()) {
					redirect.addFlashAttribute("warnings", messages(entry.alerts()));
				}
				return "redirect:/time";
			}
			catch (RuleViolationException refused) {
				String field = switch (refused.field() == null ? "" : refused.field()) {
					case "minutes", "hours" -> "hours";
					case "start" -> "startTime";
					case "end" -> "endTime";
					case "projectId", "activityId", "amount", "notes", "date", "vendorId", "purchaseOrderId" ->
						refused.field();
					default -> null;
				};
				if (field != null) {
					result.rejectValue(field, "rule", refused.getMessage());
				}
				else {
					result.reject("rule", refused.getMessage());
				}
			}
			catch (IllegalArgumentException unreadable) {
				result.rejectValue("hours", "format", unreadable.getMessage());
			}
			catch (ConflictException | AccessDeniedException refused) {
				result.reject("locked", refused.getMessage());
			}
		}
		return show(user, form, model);
	}

	@PostMapping("/time/{id}/delete")
	String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			entries.delete(user, id);
			redirect.addFlashAttribute("message", "Entry deleted.");
		}
		catch (ConflictException | AccessDeniedException refused) {
			redirect.addFlashAttribute("error", "Not deleted: " + refused.getMessage());
		}
		return "redirect:/time";
	}

	@GetMapping("/time/{id}/edit")
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		TimeEntry entry = entries.get(user, id);
		if (entry.type() != EntryType.ACTIVITY) {
			redirect.addFlashAttribute("error", "Only hours entries are edited here; fixed costs and adjustments "
					+ "are changed through the API or deleted and entered again.");
			return "redirect:/time";
		}
		model.addAttribute("editForm", EntryEditForm.of(entry));
		return showEdit(user, entry, model);
	}

	/**
	 * Saves one corrected hours entry through the same update every other path uses (availability, week
	 * locking, rate, audit, purchase orders); a refusal keeps what was typed and shows the rule's words.
	 */
	@PostMapping("/time/{id}/edit")
	String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("editForm") EntryEditForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		TimeEntry entry = entries.get(user, id);
		if (entry.type() != EntryType.ACTIVITY) {
			return "redirect:/time/" + id + "/edit";
		}
		if (!result.hasErrors()) {
			try {
				TimeEntry saved = entries.update(user, id, changes(form, entry, invoiceBudget(entry)));
				redirect.addFlashAttribute("message", "Saved " + describe(saved) + ".");
				if (!saved.alerts().isEmpty()) {
					redirect.addFlashAttribute("warnings", messages(saved.alerts()));
				}
				return "redirect:/time";
			}
			catch (RuleViolationException refused) {
				String field = switch (refused.field() == null ? "" : refused.field()) {
					case "minutes", "hours", "start", "end" -> "hours";
					case "activityId", "date", "description", "notInvoiced" -> refused.field();
					default -> null;
				};
				if (field != null) {
					result.rejectValue(field, "rule", refused.getMessage());
				}
				else {
					result.reject("rule", refused.getMessage());
				}
			}
			catch (IllegalArgumentException unreadable) {
				result.rejectValue("hours", "format", unreadable.getMessage());
			}
			catch (ConflictException | AccessDeniedException refused) {
				result.reject("locked", "Not saved: " + refused.getMessage());
			}
			catch (OptimisticLockingFailureException stale) {
				result.reject("stale", "Not saved: someone changed this entry after you opened it. "
						+ "Open it again to see their change.");
			}
		}
		return showEdit(user, entry, model);
	}

	/**
	 * The page's fields as a change: a field the post leaves out (description, billable) keeps its value, an empty
	 * description clears it; leaving the length and day alone keeps a start and end time.
	 */
	static EntryChanges changes(EntryEditForm form, TimeEntry entry, boolean invoiceBudget) {
		int minutes = BulkEntryImport.minutes(form.getHours().trim());
		// a timed entry keeps its start and end unless its length or its day changes
		boolean duration = entry.start() == null || minutes != entry.minutes() || !form.getDate().equals(entry.date());
		return new EntryChanges(null, form.getActivityId(), form.getDate(), duration ? minutes : null, null, null,
				null, form.getDescription(), form.getBillable(),
				invoiceBudget ? form.getNotInvoiced() : null, null, null, null, null, null,
				form.getVersion());
	}

	private boolean invoiceBudget(TimeEntry entry) {
		return projects.get(entry.projectId()).billingMode() == BillingMode.INVOICE_BUDGET;
	}

	private String showEdit(CurrentUser user, TimeEntry entry, Model model) {
		Project project = projects.get(entry.projectId());
		List<Bookability.ActivityChoice> choices = new java.util.ArrayList<>(bookability.activities(entry.projectId()));
		if (entry.activityId() != null && choices.stream().noneMatch(a -> a.id() == entry.activityId())) {
			// an activity booked before stays bookable on its own entry
			choices.add(0, jdbc.sql("select id, name, billable from activity where id = ?").param(entry.activityId())
				.query(Bookability.ActivityChoice.class).single());
		}
		model.addAttribute("entry", entry);
		model.addAttribute("projectName", project.name());
		model.addAttribute("activities", choices);
		model.addAttribute("invoiceBudget", project.billingMode() == BillingMode.INVOICE_BUDGET);
		model.addAttribute("changeable", entries.changeable(user, List.of(entry)).contains(entry.id()));
		return EDIT_VIEW;
	}

	@GetMapping("/time/import")
	String importForm() {
		return IMPORT_VIEW;
	}

	@PostMapping("/time/import")
	String importRows(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String text,
			@RequestParam(defaultValue = "preview") String action, Model model, RedirectAttributes redirect) {
		model.addAttribute("text", text);
		if (text.isBlank()) {
			model.addAttribute("error", "Paste at least one row.");
			return IMPORT_VIEW;
		}
		try {
			BulkEntryImport.checkSize(text);
		}
		catch (InvalidInputException tooLarge) {
			model.addAttribute("error", "The pasted text " + tooLarge.getMessage() + "; import it in parts.");
			return IMPORT_VIEW;
		}
		if ("create".equals(action)) {
			try {
				BulkEntryImport.Result created = bulk.importAll(user, text);
				redirect.addFlashAttribute("message", "Created " + created.accepted().size() + " entries.");
				if (!created.alerts().isEmpty()) {
					redirect.addFlashAttribute("warnings", messages(created.alerts()));
				}
				return "redirect:/time";
			}
			catch (BulkEntryImport.ImportRefused refused) {
				model.addAttribute("error", refused.getMessage());
				model.addAttribute("preview", refused.result());
				return IMPORT_VIEW;
			}
		}
		model.addAttribute("preview", bulk.preview(user, text));
		return IMPORT_VIEW;
	}

	private String show(CurrentUser user, EntryForm form, Model model) {
		LocalDate today = LocalDate.now(workspace.current().zone());
		List<TimeEntry> recent = entries.list(user,
				new TimeEntries.Filter(user.id(), null, null, today.minusDays(30), null, null, null), 200);
		model.addAttribute("entries", recent);
		// the Delete button only where the week-locking rules let the user change the entry
		model.addAttribute("changeable", entries.changeable(user, recent));
		model.addAttribute("projects", bookability.projects());
		model.addAttribute("projectNames", names("select id, name from project"));
		model.addAttribute("activityNames", names("select id, name from activity"));
		// a fixed cost's vendor and employee attribution, as the list shows them
		model.addAttribute("vendorNames", names("select id, name from vendor"));
		model.addAttribute("userNames", names("select id, name from app_user"));
		model.addAttribute("activities", form.getProjectId() == null ? List.of()
				: bookability.activities(form.getProjectId()));
		model.addAttribute("purchaseOrders", form.getProjectId() == null ? List.of()
				: jdbc.sql("select id, number || ' · ' || invoice_group as name from purchase_order "
						+ "where project_id = ? order by id").param(form.getProjectId()).query(Choice.class).list());
		model.addAttribute("vendors", jdbc.sql("select id, name from vendor where active order by name")
			.query(Choice.class).list());
		// offered when the week-locking rules let this user create an adjustment in the form's week
		model.addAttribute("canAdjust", entries.mayCreate(user, EntryType.ADJUSTMENT, user.id(),
				form.getDate() != null ? form.getDate() : today));
		return LIST_VIEW;
	}

	private Map<Long, String> names(String sql) {
		Map<Long, String> map = new java.util.HashMap<>();
		jdbc.sql(sql).query((rs, n) -> map.put(rs.getLong("id"), rs.getString("name"))).list();
		return map;
	}

	static EntryRequest toRequest(EntryForm form, ZoneId zone) {
		if (form.getType() != EntryType.ACTIVITY) {
			return new EntryRequest(form.getType(), null, form.getProjectId(), form.getActivityId(), form.getDate(),
					null, null, null, null, form.getDescription(), form.getBillable(), form.isNotInvoiced(), null, form.getAmount(),
					form.getVendorId(), null, form.getNotes(), form.getPurchaseOrderId());
		}
		if (form.getStartTime() != null || form.getEndTime() != null) {
			return new EntryRequest(EntryType.ACTIVITY, null, form.getProjectId(), form.getActivityId(), null, null,
					null, form.getStartTime() == null ? null : form.getDate().atTime(form.getStartTime()).atZone(zone).toInstant(),
					form.getEndTime() == null ? null : form.getDate().atTime(form.getEndTime()).atZone(zone).toInstant(),
					form.getDescription(), form.getBillable(), form.isNotInvoiced(), null, null, null, null, form.getNotes(),
					form.getPurchaseOrderId());
		}
		if (form.getHours() == null || form.getHours().isBlank()) {
			throw new RuleViolationException("hours", "enter hours (1.5 or 1:30) or a start and end time");
		}
		return new EntryRequest(EntryType.ACTIVITY, null, form.getProjectId(), form.getActivityId(), form.getDate(),
				BulkEntryImport.minutes(form.getHours().trim()), null, null, null, form.getDescription(),
				form.getBillable(), form.isNotInvoiced(), null, null, null, null, form.getNotes(), form.getPurchaseOrderId());
	}

	/** The purchase-order alerts of a save, as the flash box shows them. */
	private static List<String> messages(List<TimeEntry.Alert> alerts) {
		return alerts.stream().map(TimeEntry.Alert::message).toList();
	}

	private static String describe(TimeEntry entry) {
		return entry.type() == EntryType.ACTIVITY ? entry.hours() + " h on " + entry.date()
				: entry.amount() + " on " + entry.date();
	}
}
