package com.nexustime.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import com.nexustime.system.security.CurrentUser;

/**
 * The reports page: a filter form (a GET form, so every report is a link), the table with totals, the server's
 * chart, download links with the same filters, and the drill-down from a row to the entries it covers.
 */
@Controller
@RequestMapping("/reports")
@PreAuthorize("isAuthenticated()")
class ReportPages {

	private static final String VIEW = "reports/time";

	private static final String ENTRIES_VIEW = "reports/entries";

	private static final int PAGE_SIZE = 100;

	private final TimeReports reports;

	private final Utilization utilization;

	private final Profitability profitability;

	private final ClientBilling clientBilling;

	private final ReportChoices choices;

	ReportPages(TimeReports reports, Utilization utilization, Profitability profitability, ClientBilling clientBilling,
			ReportChoices choices) {
		this.reports = reports;
		this.utilization = utilization;
		this.profitability = profitability;
		this.clientBilling = clientBilling;
		this.choices = choices;
	}

	/** The filters in words, for errors on filters a page does not show as fields. */
	private static final Map<String, String> FIELD_LABELS = Map.ofEntries(Map.entry("groupBy", "Group by"),
			Map.entry("from", "From"), Map.entry("to", "To"), Map.entry("contactId", "Client"),
			Map.entry("projectId", "Project"), Map.entry("userId", "Person"), Map.entry("billable", "Billable"),
			Map.entry("minRate", "Min rate"), Map.entry("maxRate", "Max rate"), Map.entry("activityId", "Activity"),
			Map.entry("category", "Category"));

	@org.springframework.web.bind.annotation.ModelAttribute("fieldLabels")
	Map<String, String> fieldLabels() {
		return FIELD_LABELS;
	}

	/** A row of another report with the link to the entries behind it. */
	record Linked<T>(T row, String entriesUrl) {
	}

	private void choices(CurrentUser viewer, Model model) {
		model.addAttribute("clients", choices.clients());
		model.addAttribute("projects", choices.projects());
		model.addAttribute("people", choices.people(viewer));
	}

	private static void downloads(String name, Map<String, String> query, Model model) {
		model.addAttribute("chartUrl", url("/api/v1/reports/" + name + ".png", query));
		model.addAttribute("csvUrl", url("/api/v1/reports/" + name + ".csv", query));
		model.addAttribute("pngUrl", url("/api/v1/reports/" + name + ".png", query));
		model.addAttribute("entriesCsvUrl", url("/api/v1/reports/entries.csv", query));
	}

	private static String drill(ReportFilter filter, ReportGrouping grouping, String key) {
		ReportFilter narrowed = filter.groupedBy(grouping).narrowedTo(key);
		return narrowed == null ? null : url("/reports/entries", narrowed.parameters());
	}

	/** The filter's query without the grouping, which these reports do not take. */
	private static Map<String, String> ungrouped(ReportFilter filter) {
		Map<String, String> query = new LinkedHashMap<>(filter.parameters());
		query.remove("groupBy");
		return query;
	}

	@GetMapping("/utilization")
	String utilization(@ModelAttribute("parameters") ReportParameters parameters, BindingResult binding,
			@AuthenticationPrincipal CurrentUser viewer, Model model) {
		choices(viewer, model);
		ReportFilter filter = resolve(parameters, binding, ReportFilterRules.ANY);
		if (filter == null) {
			return "reports/utilization";
		}
		showResolved(parameters, filter);
		UtilizationReport report = utilization.report(filter, viewer);
		model.addAttribute("report", report);
		model.addAttribute("rows", report.rows().stream()
			.map(row -> new Linked<>(row, drill(filter, ReportGrouping.USER, row.userId())))
			.toList());
		downloads("utilization", ungrouped(filter), model);
		model.addAttribute("pngFileName", ReportExports.fileName("utilization", report.from(), report.to(), "png"));
		return "reports/utilization";
	}

	@GetMapping("/profitability")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
	String profitability(@ModelAttribute("parameters") ReportParameters parameters, BindingResult binding,
			@AuthenticationPrincipal CurrentUser viewer, Model model) {
		choices(viewer, model);
		ReportFilter filter = resolve(parameters, binding, ReportFilterRules.PROJECT_FIGURES);
		if (filter == null) {
			return "reports/profitability";
		}
		showResolved(parameters, filter);
		ProfitabilityReport report = profitability.report(filter, viewer);
		model.addAttribute("report", report);
		model.addAttribute("rows", report.rows().stream()
			.map(row -> new Linked<>(row, drill(filter, ReportGrouping.PROJECT, row.projectId())))
			.toList());
		downloads("profitability", ungrouped(filter), model);
		model.addAttribute("pngFileName", ReportExports.fileName("profitability", report.from(), report.to(), "png"));
		return "reports/profitability";
	}

	@GetMapping("/client-billing")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER','AUDITOR')")
	String clientBilling(@ModelAttribute("parameters") ReportParameters parameters, BindingResult binding,
			@AuthenticationPrincipal CurrentUser viewer, Model model) {
		choices(viewer, model);
		ReportFilter filter = resolve(parameters, binding, ReportFilterRules.PROJECT_FIGURES);
		if (filter == null) {
			return "reports/client-billing";
		}
		showResolved(parameters, filter);
		ClientBillingReport report = clientBilling.report(filter, viewer);
		model.addAttribute("report", report);
		model.addAttribute("rows", report.rows().stream()
			.map(client -> new Linked<>(client, drill(filter, ReportGrouping.CLIENT, client.contactId())))
			.toList());
		Map<String, String> projectLinks = new LinkedHashMap<>();
		report.rows().forEach(client -> client.projects().forEach(project -> projectLinks.put(project.projectId(),
				drill(filter, ReportGrouping.PROJECT, project.projectId()))));
		model.addAttribute("projectLinks", projectLinks);
		downloads("client-billing", ungrouped(filter), model);
		model.addAttribute("pngFileName", ReportExports.fileName("client-billing", report.from(), report.to(), "png"));
		return "reports/client-billing";
	}

	/** A report row with the link to its entries. */
	record RowView(TimeReport.Row row, String entriesUrl) {
	}

	@GetMapping
	String report(@ModelAttribute("parameters") ReportParameters parameters, BindingResult binding,
			@AuthenticationPrincipal CurrentUser viewer, Model model) {
		model.addAttribute("groupings", ReportGrouping.values());
		choices(viewer, model);
		ReportFilter filter = resolve(parameters, binding);
		if (filter == null) {
			return VIEW;
		}
		showResolved(parameters, filter);
		TimeReport report = reports.report(filter, viewer);
		List<RowView> rows = report.rows().stream()
			.map(row -> new RowView(row, drill(filter, filter.groupBy(), row.key())))
			.toList();
		model.addAttribute("report", report);
		model.addAttribute("rows", rows);
		Map<String, String> query = filter.parameters();
		model.addAttribute("chartUrl", url("/api/v1/reports/time.png", query));
		model.addAttribute("csvUrl", url("/api/v1/reports/time.csv", query));
		model.addAttribute("pngUrl", url("/api/v1/reports/time.png", query));
		model.addAttribute("pngFileName", ReportCsv.fileName(report, "png"));
		model.addAttribute("entriesCsvUrl", url("/api/v1/reports/entries.csv", query));
		return VIEW;
	}

	@GetMapping("/entries")
	String entries(@ModelAttribute("parameters") ReportParameters parameters, BindingResult binding,
			@RequestParam(defaultValue = "0") String page, @AuthenticationPrincipal CurrentUser viewer, Model model) {
		ReportFilter filter = resolve(parameters, binding);
		if (filter == null) {
			model.addAttribute("groupings", ReportGrouping.values());
			choices(viewer, model);
			return VIEW;
		}
		int pageNumber = ReportApiController.bounded("page", page, 0, 0, 100_000, new java.util.ArrayList<>());
		ReportEntries entries = reports.entries(filter, viewer, pageNumber, PAGE_SIZE);
		Map<String, String> query = filter.parameters();
		model.addAttribute("entries", entries);
		model.addAttribute("filter", filter);
		Map<String, String> back = new LinkedHashMap<>(query);
		back.remove(filter.groupBy().drillParameter());
		model.addAttribute("backUrl", url("/reports", back));
		if (pageNumber > 0) {
			model.addAttribute("previousUrl", url("/reports/entries", with(query, "page", pageNumber - 1)));
		}
		if (entries.hasMore()) {
			model.addAttribute("nextUrl", url("/reports/entries", with(query, "page", pageNumber + 1)));
		}
		model.addAttribute("ownEntriesOnly", !TimeReports.seesEveryone(viewer));
		model.addAttribute("entriesCsvUrl", url("/api/v1/reports/entries.csv", query));
		return ENTRIES_VIEW;
	}

	private ReportFilter resolve(ReportParameters parameters, BindingResult binding) {
		return resolve(parameters, binding, ReportFilterRules.ANY);
	}

	private ReportFilter resolve(ReportParameters parameters, BindingResult binding, ReportFilterRules rules) {
		try {
			return rules.resolve(parameters, reports.today());
		}
		catch (InvalidReportException ex) {
			ex.problems().forEach(p -> binding.rejectValue(p.field(), "invalid", p.message()));
			return null;
		}
	}

	/** Fields left empty show the values the report used (this month, grouped by project). */
	private static void showResolved(ReportParameters parameters, ReportFilter filter) {
		parameters.setGroupBy(filter.groupBy().parameter());
		if (parameters.getFrom() == null || parameters.getFrom().isBlank()) {
			parameters.setFrom(filter.from().toString());
		}
		if (parameters.getTo() == null || parameters.getTo().isBlank()) {
			parameters.setTo(filter.to().toString());
		}
	}

	private static Map<String, String> with(Map<String, String> query, String name, int value) {
		Map<String, String> more = new LinkedHashMap<>(query);
		more.put(name, String.valueOf(value));
		return more;
	}

	static String url(String path, Map<String, String> query) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		query.forEach(parameters::add);
		return UriComponentsBuilder.fromPath(path).queryParams(parameters).encode().build().toUriString();
	}
}
