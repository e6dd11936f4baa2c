package com.nexustime.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A time report as CSV for the accountant: UTF-8 with a byte-order mark (so spreadsheet apps pick the right
 * encoding), the header {@code key,name,hours,amount,entries}, plain numbers, and a last row with the totals.
 */
final class ReportCsv {

	static final String[] HEADER = { "key", "name", "hours", "amount", "entries" };

	static final String TOTAL = "Total";

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	/** RFC 4180: comma, double quotes only where needed (doubled inside), CRLF between records. */
	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

	private ReportCsv() {
	}

	static void write(TimeReport report, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write(BYTE_ORDER_MARK);
		try (CSVPrinter csv = new CSVPrinter(writer, FORMAT)) {
			for (TimeReport.Row row : report.rows()) {
				csv.printRecord(row.key(), textCell(row.name()), row.hours().toPlainString(),
						row.amount().toPlainString(), row.entries());
			}
			csv.printRecord("", TOTAL, report.totalHours().toPlainString(), report.totalAmount().toPlainString(),
					report.totalEntries());
		}
	}

	/**
	 * A spreadsheet runs a cell that starts with {@code = + - @} (or a tab or carriage return) as a formula, so a
	 * client named "=HYPERLINK(...)" could run code on the accountant's machine. Such names get a leading
	 * apostrophe, which spreadsheets show as text. Numbers are written by us and never get one.
	 */
	static String textCell(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

	static String fileName(TimeReport report, String extension) {
		return "time-report-" + report.from() + "-" + report.to() + "." + extension;
	}
}
