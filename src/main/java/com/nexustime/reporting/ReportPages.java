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

	ReportPages(TimeReports reports) {
		this.reports = reports;
	}

	/** A report row with the link to its entries. */
	record RowView(TimeReport.Row row, String entriesUrl) {
	}

	@GetMapping
	String report(@ModelAttribute("parameters") ReportParameters parameters, BindingResult binding,
			@AuthenticationPrincipal CurrentUser viewer, Model model) {
		model.addAttribute("groupings", ReportGrouping.values());
		ReportFilter filter = resolve(parameters, binding);
		if (filter == null) {
			return VIEW;
		}
		showResolved(parameters, filter);
		TimeReport report = reports.report(filter, viewer);
		List<RowView> rows = report.rows().stream()
			.map(row -> new RowView(row, url("/reports/entries", filter.narrowedTo(row.key()).parameters())))
			.toList();
		model.addAttribute("report", report);
		model.addAttribute("rows", rows);
		Map<String, String> query = filter.parameters();
		model.addAttribute("chartUrl", url("/api/v1/reports/time.png", query));
		model.addAttribute("csvUrl", url("/api/v1/reports/time.csv", query));
		model.addAttribute("pngUrl", url("/api/v1/reports/time.png", query));
		model.addAttribute("pngFileName", ReportCsv.fileName(report, "png"));
		return VIEW;
	}

	@GetMapping("/entries")
	String entries(@ModelAttribute("parameters") ReportParameters parameters, BindingResult binding,
			@RequestParam(defaultValue = "0") String page, @AuthenticationPrincipal CurrentUser viewer, Model model) {
		ReportFilter filter = resolve(parameters, binding);
		if (filter == null) {
			model.addAttribute("groupings", ReportGrouping.values());
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
		return ENTRIES_VIEW;
	}

	private ReportFilter resolve(ReportParameters parameters, BindingResult binding) {
		try {
			return parameters.resolve(reports.today());
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
