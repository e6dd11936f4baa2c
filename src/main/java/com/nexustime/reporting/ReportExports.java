package com.nexustime.reporting;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.nexustime.reporting.ReportTable.Column;

/** The utilization, profitability and client-billing reports as CSV tables and charts, and the entries CSV. */
final class ReportExports {

	static final String TOTAL = "Total";

	private ReportExports() {
	}

	static String fileName(String report, Object from, Object to, String extension) {
		return report + "-" + from + "-" + to + "." + extension;
	}

	static ReportTable table(UtilizationReport report) {
		ReportTable.Builder table = new ReportTable.Builder(Column.text("userId"), Column.text("name"),
				Column.number("weeklyHours"), Column.number("capacityHours"), Column.number("hours"),
				Column.number("billableHours"), Column.number("utilization"));
		for (UtilizationReport.Row row : report.rows()) {
			table.row(row.userId(), row.name(), row.weeklyHours(), row.capacityHours(), row.hours(),
					row.billableHours(), row.utilization());
		}
		return table.row("", TOTAL, null, report.totalCapacityHours(), report.totalHours(),
				report.totalBillableHours(), report.totalUtilization()).build();
	}

	static ReportChart.Figure figure(UtilizationReport report) {
		List<UtilizationReport.Row> rows = report.rows();
		return new ReportChart.Figure("Utilization, " + report.from() + " to " + report.to(),
				rows.isEmpty() ? "Nobody in this view" : report.workingDays() + " working days · billable "
						+ report.totalBillableHours().toPlainString() + " of " + report.totalCapacityHours().toPlainString()
						+ " h capacity",
				"Hours", rows.stream().map(UtilizationReport.Row::name).toList(),
				List.of(new ReportChart.Series("Capacity", rows.stream().map(UtilizationReport.Row::capacityHours).toList()),
						new ReportChart.Series("Hours", rows.stream().map(UtilizationReport.Row::hours).toList()),
						new ReportChart.Series("Billable hours",
								rows.stream().map(UtilizationReport.Row::billableHours).toList())))
			.top();
	}

	static ReportTable table(ProfitabilityReport report) {
		ReportTable.Builder table = new ReportTable.Builder(Column.text("projectId"), Column.text("name"),
				Column.text("client"), Column.number("budget"), Column.number("value"), Column.number("cost"),
				Column.number("margin"), Column.number("marginPercent"), Column.number("budgetUsedPercent"),
				Column.number("hours"), Column.number("timeCost"), Column.number("fixedCost"),
				Column.number("hoursWithoutCostRate"));
		for (ProfitabilityReport.Row row : report.rows()) {
			table.row(row.projectId(), row.name(), row.client(), row.budget(), row.value(), row.cost(), row.margin(),
					row.marginPercent(), row.budgetUsedPercent(), row.hours(), row.timeCost(), row.fixedCost(),
					row.hoursWithoutCostRate());
		}
		return table.row("", TOTAL, "", null, report.totalValue(), report.totalCost(), report.totalMargin(),
				report.totalMarginPercent(), null, null, null, null, null).build();
	}

	static ReportChart.Figure figure(ProfitabilityReport report) {
		List<ProfitabilityReport.Row> rows = report.rows();
		return new ReportChart.Figure("Profitability, " + report.from() + " to " + report.to(),
				rows.isEmpty() ? "No projects with entries in this period"
						: "Margin " + report.totalMargin().toPlainString() + " " + report.currency(),
				"Amount (" + report.currency() + ")", rows.stream().map(ProfitabilityReport.Row::name).toList(),
				List.of(new ReportChart.Series("Value", rows.stream().map(ProfitabilityReport.Row::value).toList()),
						new ReportChart.Series("Cost", rows.stream().map(ProfitabilityReport.Row::cost).toList())))
			.top();
	}

	static ReportTable table(ClientBillingReport report) {
		ReportTable.Builder table = new ReportTable.Builder(Column.text("contactId"), Column.text("client"),
				Column.text("projectId"), Column.text("project"), Column.number("billed"), Column.number("finalized"),
				Column.number("notBilled"), Column.number("notBilledFixed"), Column.number("notBilledAdjustments"),
				Column.number("total"));
		for (ClientBillingReport.Client client : report.rows()) {
			for (ClientBillingReport.Project project : client.projects()) {
				table.row(client.contactId(), client.name(), project.projectId(), project.name(), project.billed(),
						project.finalized(), project.notBilled(), project.notBilledFixed(),
						project.notBilledAdjustments(), project.total());
			}
		}
		ClientBillingReport.Money totals = report.totals();
		return table.row("", TOTAL, "", "", totals.billed(), totals.finalized(), totals.notBilled(),
				totals.notBilledFixed(), totals.notBilledAdjustments(), totals.total()).build();
	}

	static ReportChart.Figure figure(ClientBillingReport report) {
		List<ClientBillingReport.Client> rows = report.rows();
		return new ReportChart.Figure("Client billing, " + report.from() + " to " + report.to(),
				rows.isEmpty() ? "No entries in this period"
						: "Billed " + report.totals().billed().toPlainString() + " " + report.currency(),
				"Amount (" + report.currency() + ")", rows.stream().map(ClientBillingReport.Client::name).toList(),
				List.of(new ReportChart.Series("Billed", rows.stream().map(ClientBillingReport.Client::billed).toList()),
						new ReportChart.Series("Finalized to bill",
								rows.stream().map(ClientBillingReport.Client::finalized).toList()),
						new ReportChart.Series("Not billed",
								rows.stream().map(ClientBillingReport.Client::notBilled).toList())))
			.top();
	}

	static final Column[] ENTRY_COLUMNS = { Column.text("id"), Column.text("date"), Column.text("type"),
			Column.text("userId"), Column.text("person"), Column.text("projectId"), Column.text("project"),
			Column.text("client"), Column.text("activity"), Column.text("category"), Column.text("description"),
			Column.number("minutes"), Column.number("hours"), Column.number("rate"), Column.number("amount"),
			Column.text("billable"), Column.text("status") };

	/** The entries CSV, written one entry at a time as the database returns them. */
	static final class EntriesCsv implements Closeable {

		private final CSVPrinter csv;

		EntriesCsv(OutputStream out) throws IOException {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			writer.write('\uFEFF');
			csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
				.setHeader(java.util.Arrays.stream(ENTRY_COLUMNS).map(Column::name).toArray(String[]::new)).get());
		}

		void write(ReportEntries.Entry e) throws IOException {
			Object[] values = { e.id(), e.date(), e.type(), e.userId(), e.person(), e.projectId(), e.project(),
					e.client(), e.activity(), e.category() == null ? null : ActivityCategoryNames.of(e.category()),
					e.description(), e.minutes(), e.hours(), e.rate(), e.amount(), e.billable(), e.status() };
			String[] cells = new String[values.length];
			for (int i = 0; i < values.length; i++) {
				cells[i] = ReportTable.cell(ENTRY_COLUMNS[i], values[i]);
			}
			csv.printRecord((Object[]) cells);
		}

		@Override
		public void close() throws IOException {
			csv.close();
		}
	}
}
