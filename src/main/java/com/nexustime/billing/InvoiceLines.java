package com.nexustime.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.util.StringUtils;

/**
 * Sums a client's finalized entries into invoice lines: per project, one line for each activity and rate (hours,
 * that rate, the sum of the entries' snapshotted amounts), then each fixed cost and adjustment as a money-only
 * line of its own. Projects in name order; within a project time first, then fixed costs, then adjustments.
 */
final class InvoiceLines {

	private static final int DESCRIPTION_LIMIT = 240;

	/** One entry as the range conversion reads it. */
	record Billable(long id, String type, String projectName, String activityName, String text, Integer minutes,
			BigDecimal rate, BigDecimal amount) {
	}

	private InvoiceLines() {
	}

	/** {@code entries} in date order; the sort below is stable, so money-only lines keep that order. */
	static List<Invoice.Line> of(List<Billable> entries) {
		List<Billable> sorted = new ArrayList<>(entries);
		sorted.sort(Comparator.comparing(Billable::projectName)
			.thenComparing(e -> kind(e.type()))
			.thenComparing(e -> "ACTIVITY".equals(e.type()) ? Objects.toString(e.activityName(), "") : "")
			.thenComparing(e -> "ACTIVITY".equals(e.type()) && e.rate() != null ? e.rate() : BigDecimal.ZERO));
		Map<List<Object>, List<Billable>> groups = new LinkedHashMap<>();
		for (Billable entry : sorted) {
			List<Object> key = "ACTIVITY".equals(entry.type())
					? Arrays.asList(entry.projectName(), entry.activityName(), scaled(entry.rate()))
					: List.of(entry.type(), entry.id());
			groups.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
		}
		List<Invoice.Line> lines = new ArrayList<>();
		for (List<Billable> members : groups.values()) {
			lines.add(line(lines.size() + 1, members));
		}
		return lines;
	}

	/**
	 * The line that bills what is left of an invoice-budget project's budget: the amount only, with the hours of the
	 * entries it covers for information (no rate: the hours do not make the amount).
	 */
	static Invoice.Line budgetLine(String projectName, int minutes, BigDecimal remaining) {
		BigDecimal hours = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
		return new Invoice.Line(0, projectName, cut(projectName + " — Budget"), hours, null,
				remaining.setScale(2, RoundingMode.HALF_UP));
	}

	/** A budget line and the project whose budget it bills. */
	record BudgetLine(Invoice.Line line, long projectId) {
	}

	/** An invoice's lines and which of them (by position) bill which project's budget. */
	record Merged(List<Invoice.Line> lines, Map<Integer, Long> budgetPositions) {
	}

	/**
	 * {@code lines} and the budget lines as one invoice: projects in name order (the sort is stable, so each
	 * project's lines keep their order), numbered from 1.
	 */
	static Merged merged(List<Invoice.Line> lines, List<BudgetLine> budgetLines) {
		List<BudgetLine> all = new ArrayList<>(lines.stream().map(l -> new BudgetLine(l, -1)).toList());
		all.addAll(budgetLines);
		all.sort(Comparator.comparing(b -> b.line().group()));
		List<Invoice.Line> numbered = new ArrayList<>();
		Map<Integer, Long> positions = new LinkedHashMap<>();
		for (BudgetLine placed : all) {
			Invoice.Line line = placed.line();
			numbered.add(new Invoice.Line(numbered.size() + 1, line.group(), line.description(), line.hours(),
					line.rate(), line.amount()));
			if (placed.projectId() >= 0) {
				positions.put(numbered.size(), placed.projectId());
			}
		}
		return new Merged(numbered, positions);
	}

	static BigDecimal total(List<Invoice.Line> lines) {
		return lines.stream().map(Invoice.Line::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add)
			.setScale(2, RoundingMode.HALF_UP);
	}

	private static Invoice.Line line(int position, List<Billable> members) {
		Billable first = members.get(0);
		BigDecimal amount = members.stream().map(Billable::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
			.setScale(2, RoundingMode.HALF_UP);
		String project = first.projectName();
		if ("ACTIVITY".equals(first.type())) {
			int minutes = members.stream().mapToInt(e -> e.minutes() == null ? 0 : e.minutes()).sum();
			BigDecimal hours = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
			return new Invoice.Line(position, project, cut(project + " — " + first.activityName()), hours,
					scaled(first.rate()), amount);
		}
		String what = "ADJUSTMENT".equals(first.type()) ? "Adjustment"
				: first.activityName() != null ? first.activityName() : "Fixed cost";
		String description = project + " — " + what
				+ (StringUtils.hasText(first.text()) ? ": " + first.text().trim() : "");
		return new Invoice.Line(position, project, cut(description), null, null, amount);
	}

	private static int kind(String type) {
		return switch (type) {
			case "ACTIVITY" -> 0;
			case "FIXED_COST" -> 1;
			default -> 2;
		};
	}

	private static BigDecimal scaled(BigDecimal rate) {
		return rate == null ? null : rate.setScale(2, RoundingMode.HALF_UP);
	}

	private static String cut(String text) {
		return text.length() <= DESCRIPTION_LIMIT ? text : text.substring(0, DESCRIPTION_LIMIT - 1) + "…";
	}
}
