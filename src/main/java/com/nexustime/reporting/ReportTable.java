package com.nexustime.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report as rows of cells for the CSV download, with the conventions of {@link ReportCsv}: UTF-8 with a
 * byte-order mark, a header row, plain numbers, and text cells guarded against spreadsheet formulas. Which
 * columns hold text is declared, so numbers (negative margins included) are never touched.
 */
record ReportTable(List<Column> columns, List<List<Object>> rows) {

	record Column(String name, boolean text) {

		static Column text(String name) {
			return new Column(name, true);
		}

		static Column number(String name) {
			return new Column(name, false);
		}
	}

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	static final class Builder {

		private final List<Column> columns;

		private final List<List<Object>> rows = new ArrayList<>();

		Builder(Column... columns) {
			this.columns = List.of(columns);
		}

		Builder row(Object... cells) {
			if (cells.length != columns.size()) {
				throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + cells.length);
			}
			rows.add(java.util.Arrays.asList(cells));
			return this;
		}

		ReportTable build() {
			return new ReportTable(columns, List.copyOf(rows));
		}
	}

	/** Writes the header and every row; null cells are empty. */
	void write(OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write(BYTE_ORDER_MARK);
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setHeader(columns.stream().map(Column::name).toArray(String[]::new)).get();
		try (CSVPrinter csv = new CSVPrinter(writer, format)) {
			for (List<Object> row : rows) {
				csv.printRecord(cells(row));
			}
		}
	}

	private List<String> cells(List<Object> row) {
		List<String> cells = new ArrayList<>(row.size());
		for (int i = 0; i < row.size(); i++) {
			cells.add(cell(columns.get(i), row.get(i)));
		}
		return cells;
	}

	static String cell(Column column, Object value) {
		if (value == null) {
			return "";
		}
		String text = value instanceof java.math.BigDecimal number ? number.toPlainString() : value.toString();
		return column.text() ? ReportCsv.textCell(text) : text;
	}
}
