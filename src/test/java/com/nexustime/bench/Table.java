package com.nexustime.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results as a Markdown table: each figure beside the baseline measured in the same run, and the goal. */
final class Table {

	record Row(String figure, String measured, String baseline, String goal, String verdict) {
	}

	private final List<Row> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	void add(String figure, String measured, String baseline, String goal, Boolean met) {
		rows.add(new Row(figure, measured, baseline, goal, met == null ? "—" : met ? "met" : "**missed**"));
		System.out.printf("  %s: %s | baseline: %s | goal: %s%n", figure, measured, baseline, goal);
	}

	void note(String note) {
		notes.add(note);
	}

	static String number(double value) {
		if (Double.isNaN(value)) {
			return "n/a";
		}
		if (Math.abs(value) >= 100) {
			return String.format(Locale.ROOT, "%.0f", value);
		}
		if (Math.abs(value) >= 10) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

	static String percent(double share) {
		return String.format(Locale.ROOT, "%.0f %%", share * 100);
	}

	String markdown(String heading) {
		StringBuilder md = new StringBuilder(heading).append("\n\n");
		md.append("| figure | measured | baseline (same run) | goal | |\n|---|---|---|---|---|\n");
		for (Row row : rows) {
			md.append("| ").append(cell(row.figure())).append(" | ").append(cell(row.measured())).append(" | ")
				.append(cell(row.baseline())).append(" | ").append(cell(row.goal())).append(" | ")
				.append(row.verdict()).append(" |\n");
		}
		if (!notes.isEmpty()) {
			md.append('\n');
			notes.forEach(n -> md.append("- ").append(n).append('\n'));
		}
		return md.toString();
	}

	private static String cell(String text) {
		return text.replace("|", "\\|").replace("\n", " ");
	}

	void write(Path file, String heading) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, markdown(heading));
	}
}
