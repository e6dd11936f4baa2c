package com.nexustime.finance;

import java.time.LocalDate;

import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.nexustime.catalog.BillingMode;
import com.nexustime.catalog.Project;
import com.nexustime.catalog.ProjectService;
import com.nexustime.crm.ContactService;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.DateBounds;
import com.nexustime.system.web.NotFoundException;
import com.nexustime.system.web.RuleViolationException;
import com.nexustime.tracking.EntryChanges;
import com.nexustime.tracking.EntryType;
import com.nexustime.tracking.TimeEntry;
import com.nexustime.tracking.TimeEntryService;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * The project's Time tab: the summary bar, the dollars grid (zero-dollar rows hidden with {@code ?hideZero=true},
 * decided on the server), the timesheet list by tab, the admin's finalization form, and the edit form of a
 * single fixed cost or adjustment (time is edited in the weekly grid).
 */
@Controller
@RequestMapping("/projects/{id}/time")
@PreAuthorize(ProjectFinanceApiController.READERS)
class ProjectTimePages {

	private static final String VIEW = "projects/time";

	private static final String ENTRY_VIEW = "projects/time-entry";

	private static final int PAGE_SIZE = 100;

	private final ProjectService projects;

	private final ContactService contacts;

	private final ProjectFinances finances;

	private final ProjectTimesheet timesheet;

	private final EntryFinalization finalization;

	private final TimeEntryService entries;

	private final WorkspaceSettings workspace;

	private final ProjectSummaryNotice notice;

	ProjectTimePages(ProjectService projects, ContactService contacts, ProjectFinances finances,
			ProjectTimesheet timesheet, EntryFinalization finalization, TimeEntryService entries,
			WorkspaceSettings workspace, ProjectSummaryNotice notice) {
		this.notice = notice;
		this.projects = projects;
		this.contacts = contacts;
		this.finances = finances;
		this.timesheet = timesheet;
		this.finalization = finalization;
		this.entries = entries;
		this.workspace = workspace;
	}

	@GetMapping
	String time(@PathVariable long id, @RequestParam(defaultValue = "false") boolean hideZero,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String tab,
			@AuthenticationPrincipal CurrentUser viewer, Model model) {
		addProject(id, model);
		ProjectSummary summary = finances.summary(id);
		model.addAttribute("summary", summary);
		model.addAttribute("billingRefusal", notice.billingRefusal(summary).orElse(null));
		model.addAttribute("dollars", finances.dollars(id, hideZero, page, PAGE_SIZE));
		model.addAttribute("hideZero", hideZero);
		model.addAttribute("tabs", TimesheetTab.values());
		model.addAttribute("listing", timesheet.list(id, TimesheetTab.of(tab), viewer));
		if (!model.containsAttribute("finalizeThrough")) {
			model.addAttribute("finalizeThrough", LocalDate.now(workspace.current().zone()));
		}
		return VIEW;
	}

	@PostMapping("/finalize")
	@PreAuthorize("hasRole('ADMIN')")
	String finalizeEntries(@PathVariable long id, @RequestParam(required = false) String through,
			RedirectAttributes redirect) {
		LocalDate date;
		try {
			date = DateBounds.parse(through);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", "Finalize through: enter a date like 2026-11-30, between "
					+ DateBounds.FIRST_DAY + " and " + DateBounds.LAST_DAY + ".");
			return "redirect:/projects/" + id + "/time";
		}
		EntryFinalization.Finalized done = finalization.finalizeThrough(id, date);
		redirect.addFlashAttribute("message", done.finalized() == 0 ? "No open entries on or before " + date + "."
				: "Finalized " + done.finalized() + (done.finalized() == 1 ? " entry" : " entries") + " dated on or before "
						+ date + ".");
		redirect.addFlashAttribute("finalizeThrough", date);
		return "redirect:/projects/" + id + "/time";
	}

	@GetMapping("/entries/{entryId}")
	String editEntry(@PathVariable long id, @PathVariable long entryId, @AuthenticationPrincipal CurrentUser viewer,
			Model model) {
		TimeEntry entry = moneyEntry(id, entryId, viewer);
		addEntry(id, entry, MoneyEntryForm.of(entry), model);
		return ENTRY_VIEW;
	}

	@PostMapping("/entries/{entryId}")
	String saveEntry(@PathVariable long id, @PathVariable long entryId, @AuthenticationPrincipal CurrentUser viewer,
			@Valid @ModelAttribute("form") MoneyEntryForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		TimeEntry entry = moneyEntry(id, entryId, viewer);
		if (!result.hasErrors()) {
			try {
				// the flag is the API's: only an invoice-budget project's entry may carry it
				Boolean notInvoiced = projects.get(id).billingMode() == BillingMode.INVOICE_BUDGET ? form.isNotInvoiced()
						: null;
				entries.update(viewer, entryId, new EntryChanges(null, null, form.getDate(), null, null, null, null,
						null, null, notInvoiced, null, form.getAmount(), null, null,
						form.getNotes() == null ? "" : form.getNotes(), form.getVersion()));
				redirect.addFlashAttribute("message", "Entry saved.");
				return "redirect:/projects/" + id + "/time?tab="
						+ (entry.type() == EntryType.ADJUSTMENT ? TimesheetTab.ADJUSTMENTS : TimesheetTab.FIXED_COSTS).slug();
			}
			catch (RuleViolationException ex) {
				if ("amount".equals(ex.field()) || "notes".equals(ex.field()) || "date".equals(ex.field())) {
					result.rejectValue(ex.field(), "rule", ex.getMessage());
				}
				else {
					result.reject("rule", ex.getMessage());
				}
			}
			catch (ConflictException | AccessDeniedException ex) {
				result.reject("locked", ex.getMessage());
			}
			catch (OptimisticLockingFailureException ex) {
				result.reject("stale", "Someone else changed this entry meanwhile; reload the page to see their change.");
			}
		}
		addEntry(id, entry, form, model);
		return ENTRY_VIEW;
	}

	private TimeEntry moneyEntry(long projectId, long entryId, CurrentUser viewer) {
		TimeEntry entry = entries.get(viewer, entryId);
		if (!entry.projectId().equals(projectId) || entry.type() == EntryType.ACTIVITY) {
			throw new NotFoundException("Time entry", entryId);
		}
		return entry;
	}

	private void addEntry(long id, TimeEntry entry, MoneyEntryForm form, Model model) {
		addProject(id, model);
		model.addAttribute("entry", entry);
		model.addAttribute("form", form);
	}

	private void addProject(long id, Model model) {
		Project project = projects.get(id);
		model.addAttribute("project", project);
		model.addAttribute("client", contacts.get(project.contactId()));
		model.addAttribute("money", MoneyText.INSTANCE);
	}
}
