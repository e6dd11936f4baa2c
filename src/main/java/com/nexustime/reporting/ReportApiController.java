package com.nexustime.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;

import com.nexustime.system.security.CurrentUser;

/**
 * Time reports as JSON, CSV ({@code Accept: text/csv} or the {@code .csv} path, for links) and a PNG chart, all
 * answering the same question from the same parameters. Everyone signed in may ask; what they see depends on
 * their roles ({@link TimeReports#seesEveryone}).
 */
@RestController
@RequestMapping("/api/v1/reports")
@PreAuthorize("isAuthenticated()")
class ReportApiController {

	static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private final TimeReports reports;

	private final Utilization utilization;

	private final Profitability profitability;

	private final ClientBilling clientBilling;

	ReportApiController(TimeReports reports, Utilization utilization, Profitability profitability,
			ClientBilling clientBilling) {
		this.reports = reports;
		this.utilization = utilization;
		this.profitability = profitability;
		this.clientBilling = clientBilling;
	}

	/** Managers see their direct reports and themselves, admins and auditors everyone, anyone else themselves. */
	@GetMapping("/utilization")
	UtilizationReport utilization(ReportParameters parameters, @AuthenticationPrincipal CurrentUser viewer) {
		return utilization.report(parameters.resolve(reports.today()), viewer);
	}

	@GetMapping(path = "/utilization", produces = "text/csv")
	ResponseEntity<byte[]> utilizationAsCsv(ReportParameters parameters, @AuthenticationPrincipal CurrentUser viewer) {
		return utilizationCsv(parameters, viewer);
	}

	@GetMapping("/utilization.csv")
	ResponseEntity<byte[]> utilizationCsv(ReportParameters parameters, @AuthenticationPrincipal CurrentUser viewer) {
		UtilizationReport report = utilization(parameters, viewer);
		return csv(ReportExports.table(report), ReportExports.fileName("utilization", report.from(), report.to(), "csv"));
	}

	@GetMapping("/utilization.png")
	ResponseEntity<byte[]> utilizationPng(ReportParameters parameters, @RequestParam(required = false) String width,
			@RequestParam(required = false) String height, @AuthenticationPrincipal CurrentUser viewer) {
		Chart chart = chart(parameters, width, height, ReportFilterRules.ANY);
		UtilizationReport report = utilization.report(chart.filter(), viewer);
		return png(ReportExports.figure(report), chart,
				ReportExports.fileName("utilization", report.from(), report.to(), "png"));
	}

	@GetMapping("/profitability")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
	ProfitabilityReport profitability(ReportParameters parameters, @AuthenticationPrincipal CurrentUser viewer) {
		return profitability.report(ReportFilterRules.PROJECT_FIGURES.resolve(parameters, reports.today()), viewer);
	}

	@GetMapping(path = "/profitability", produces = "text/csv")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
	ResponseEntity<byte[]> profitabilityAsCsv(ReportParameters parameters, @AuthenticationPrincipal CurrentUser viewer) {
		return profitabilityCsv(parameters, viewer);
	}

	@GetMapping("/profitability.csv")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
	ResponseEntity<byte[]> profitabilityCsv(ReportParameters parameters, @AuthenticationPrincipal CurrentUser viewer) {
		ProfitabilityReport report = profitability(parameters, viewer);
		return csv(ReportExports.table(report), ReportExports.fileName("profitability", report.from(), report.to(), "csv"));
	}

	@GetMapping("/profitability.png")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
	ResponseEntity<byte[]> profitabilityPng(ReportParameters parameters, @RequestParam(required = false) String width,
			@RequestParam(required = false) String height, @AuthenticationPrincipal CurrentUser viewer) {
		Chart chart = chart(parameters, width, height, ReportFilterRules.PROJECT_FIGURES);
		ProfitabilityReport report = profitability.report(chart.filter(), viewer);
		return png(ReportExports.figure(report), chart,
				ReportExports.fileName("profitability", report.from(), report.to(), "png"));
	}

	@GetMapping("/client-billing")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER','AUDITOR')")
	ClientBillingReport clientBilling(ReportParameters parameters, @AuthenticationPrincipal CurrentUser viewer) {
		return clientBilling.report(ReportFilterRules.PROJECT_FIGURES.resolve(parameters, reports.today()), viewer);
	}

	@GetMapping(path = "/client-billing", produces = "text/csv")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER','AUDITOR')")
	ResponseEntity<byte[]> clientBillingAsCsv(ReportParameters parameters, @AuthenticationPrincipal CurrentUser viewer) {
		return clientBillingCsv(parameters, viewer);
	}

	@GetMapping("/client-billing.csv")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER','AUDITOR')")
	ResponseEntity<byte[]> clientBillingCsv(ReportParameters parameters, @AuthenticationPrincipal CurrentUser viewer) {
		ClientBillingReport report = clientBilling(parameters, viewer);
		return csv(ReportExports.table(report), ReportExports.fileName("client-billing", report.from(), report.to(), "csv"));
	}

	@GetMapping("/client-billing.png")
	@PreAuthorize("hasAnyRole('ADMIN','MANAGER','AUDITOR')")
	ResponseEntity<byte[]> clientBillingPng(ReportParameters parameters, @RequestParam(required = false) String width,
			@RequestParam(required = false) String height, @AuthenticationPrincipal CurrentUser viewer) {
		Chart chart = chart(parameters, width, height, ReportFilterRules.PROJECT_FIGURES);
		ClientBillingReport report = clientBilling.report(chart.filter(), viewer);
		return png(ReportExports.figure(report), chart,
				ReportExports.fileName("client-billing", report.from(), report.to(), "png"));
	}

	/**
	 * Every entry any report's filter matches, for the accountant's own pivot tables; streamed, and refused with
	 * a 400 above {@link TimeReports#MAX_EXPORT_ROWS}. Staff get their own entries only, as in the drill-down.
	 */
	@GetMapping("/entries.csv")
	void entriesCsv(ReportParameters parameters, @AuthenticationPrincipal CurrentUser viewer,
			HttpServletResponse response) throws IOException {
		ReportFilter filter = parameters.resolve(reports.today());
		// counted before the first byte, so a refusal is still a clean problem+json answer
		long count = reports.exportableEntries(filter, viewer);
		response.setContentType(TEXT_CSV.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(ReportExports.fileName("entries", filter.from(), filter.to(), "csv")).build().toString());
		response.setHeader("X-Entry-Count", String.valueOf(count));
		try (ReportExports.EntriesCsv csv = new ReportExports.EntriesCsv(response.getOutputStream())) {
			reports.exportEntries(filter, viewer, entry -> {
				try {
					csv.write(entry);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	private record Chart(ReportFilter filter, int width, int height) {
	}

	private Chart chart(ReportParameters parameters, String width, String height, ReportFilterRules rules) {
		List<InvalidReportException.Problem> problems = new ArrayList<>();
		int w = size("width", width, ReportChart.DEFAULT_WIDTH, problems);
		int h = size("height", height, ReportChart.DEFAULT_HEIGHT, problems);
		ReportFilter filter = null;
		try {
			filter = rules.resolve(parameters, reports.today());
		}
		catch (InvalidReportException ex) {
			problems.addAll(0, ex.problems());
		}
		if (!problems.isEmpty()) {
			throw new InvalidReportException(problems);
		}
		return new Chart(filter, w, h);
	}

	private static ResponseEntity<byte[]> csv(ReportTable table, String fileName) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			table.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.body(out.toByteArray());
	}

	private static ResponseEntity<byte[]> png(ReportChart.Figure figure, Chart chart, String fileName) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ReportChart.write(figure, chart.width(), chart.height(), out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
			.body(out.toByteArray());
	}

	@GetMapping("/time")
	TimeReport time(ReportParameters parameters, @AuthenticationPrincipal CurrentUser viewer) {
		return reports.report(parameters.resolve(reports.today()), viewer);
	}

	@GetMapping(path = "/time", produces = "text/csv")
	ResponseEntity<byte[]> timeAsCsv(ReportParameters parameters, @AuthenticationPrincipal CurrentUser viewer) {
		return csv(parameters, viewer);
	}

	@GetMapping("/time.csv")
	ResponseEntity<byte[]> csv(ReportParameters parameters, @AuthenticationPrincipal CurrentUser viewer) {
		TimeReport report = reports.report(parameters.resolve(reports.today()), viewer);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ReportCsv.write(report, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(ReportCsv.fileName(report, "csv")).build().toString())
			.body(out.toByteArray());
	}

	@GetMapping(path = "/time.png")
	ResponseEntity<byte[]> png(ReportParameters parameters, @RequestParam(required = false) String width,
			@RequestParam(required = false) String height, @AuthenticationPrincipal CurrentUser viewer) {
		List<InvalidReportException.Problem> problems = new ArrayList<>();
		int w = size("width", width, ReportChart.DEFAULT_WIDTH, problems);
		int h = size("height", height, ReportChart.DEFAULT_HEIGHT, problems);
		ReportFilter filter;
		try {
			filter = parameters.resolve(reports.today());
		}
		catch (InvalidReportException ex) {
			problems.addAll(0, ex.problems());
			filter = null;
		}
		if (!problems.isEmpty()) {
			throw new InvalidReportException(problems);
		}
		TimeReport report = reports.report(filter, viewer);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ReportChart.write(report, w, h, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(ReportCsv.fileName(report, "png")).build().toString())
			.body(out.toByteArray());
	}

	/** The entries behind a report, e.g. one row's with {@code projectId=}; totals over all pages. */
	@GetMapping("/time/entries")
	ReportEntries entries(ReportParameters parameters, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size, @AuthenticationPrincipal CurrentUser viewer) {
		List<InvalidReportException.Problem> problems = new ArrayList<>();
		int pageNumber = bounded("page", page, 0, 0, Integer.MAX_VALUE / TimeReports.MAX_PAGE_SIZE, problems);
		int pageSize = bounded("size", size, 100, 1, TimeReports.MAX_PAGE_SIZE, problems);
		ReportFilter filter;
		try {
			filter = parameters.resolve(reports.today());
		}
		catch (InvalidReportException ex) {
			problems.addAll(0, ex.problems());
			filter = null;
		}
		if (!problems.isEmpty()) {
			throw new InvalidReportException(problems);
		}
		return reports.entries(filter, viewer, pageNumber, pageSize);
	}

	private static int size(String field, String value, int fallback, List<InvalidReportException.Problem> problems) {
		return bounded(field, value, fallback, ReportChart.MIN_SIZE, ReportChart.MAX_SIZE, problems);
	}

	static int bounded(String field, String value, int fallback, int min, int max,
			List<InvalidReportException.Problem> problems) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value.trim());
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(new InvalidReportException.Problem(field, "must be a whole number from " + min + " to " + max));
		return fallback;
	}

	/*
	 * Answered here rather than by the shared advice: the content type is set explicitly, so a client that asked
	 * for text/csv or image/png still gets problem+json instead of a 406.
	 */
	@ExceptionHandler(InvalidReportException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidReportException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid input");
		problem.setProperty("errors", ex.problems());
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
