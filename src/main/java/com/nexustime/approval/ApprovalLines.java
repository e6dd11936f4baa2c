package com.nexustime.approval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.util.StringUtils;

/**
 * Sums covered entries into the lines the client sees. Time is one line per group (hours, the common rate or
 * none when rates differ, amount); fixed costs and adjustments are lines of their own in the group, amounts only.
 */
final class ApprovalLines {

	private static final int DESCRIPTION_LIMIT = 240;

	private static final List<String> KIND_ORDER = List.of("ACTIVITY", "FIXED_COST", "ADJUSTMENT");

	private ApprovalLines() {
	}

	static List<ApprovalDocument.Line> of(List<CoveredEntry> entries, Grouping grouping) {
		Map<String, Map<String, List<CoveredEntry>>> groups = new TreeMap<>();
		for (CoveredEntry entry : entries) {
			groups.computeIfAbsent(grouping.label(entry), g -> new TreeMap<>(
					(a, b) -> Integer.compare(KIND_ORDER.indexOf(a), KIND_ORDER.indexOf(b))))
				.computeIfAbsent(entry.type(), t -> new ArrayList<>())
				.add(entry);
		}
		List<ApprovalDocument.Line> lines = new ArrayList<>();
		groups.forEach((group, kinds) -> kinds.forEach((kind, members) -> lines.add(line(group, kind, members))));
		return lines;
	}

	static BigDecimal totalHours(List<ApprovalDocument.Line> lines) {
		return lines.stream().map(ApprovalDocument.Line::hours).filter(Objects::nonNull)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	static BigDecimal totalAmount(List<ApprovalDocument.Line> lines) {
		return lines.stream().map(ApprovalDocument.Line::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	static BigDecimal hours(int minutes) {
		return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
	}

	private static ApprovalDocument.Line line(String group, String kind, List<CoveredEntry> members) {
		BigDecimal amount = members.stream().map(CoveredEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
			.setScale(2, RoundingMode.HALF_UP);
		String description = describe(kind, members);
		if (!"ACTIVITY".equals(kind)) {
			return new ApprovalDocument.Line(group, description, null, null, amount);
		}
		int minutes = members.stream().mapToInt(e -> e.minutes() == null ? 0 : e.minutes()).sum();
		Set<BigDecimal> rates = new LinkedHashSet<>();
		members.forEach(e -> rates.add(e.rate() == null ? null : e.rate().setScale(2, RoundingMode.HALF_UP)));
		BigDecimal rate = rates.size() == 1 ? rates.iterator().next() : null;
		return new ApprovalDocument.Line(group, description, hours(minutes), rate, amount);
	}

	/**
	 * The distinct things done, in date order, so the client recognises the work: each entry's grid row note (what
	 * the line of work is about) before its own description; cut at a readable length.
	 */
	private static String describe(String kind, List<CoveredEntry> members) {
		Set<String> parts = new LinkedHashSet<>();
		for (CoveredEntry entry : members) {
			if (StringUtils.hasText(entry.rowNote())) {
				parts.add(entry.rowNote().trim());
			}
			String text = StringUtils.hasText(entry.description()) ? entry.description().trim()
					: entry.activityName() != null ? entry.activityName() : null;
			if (text != null) {
				parts.add(text);
			}
		}
		String prefix = switch (kind) {
			case "FIXED_COST" -> "Fixed costs";
			case "ADJUSTMENT" -> "Adjustment";
			default -> "";
		};
		String joined = String.join("; ", parts);
		String description = prefix.isEmpty() ? joined : joined.isEmpty() ? prefix : prefix + ": " + joined;
		if (description.isEmpty()) {
			description = "Time";
		}
		return description.length() <= DESCRIPTION_LIMIT ? description
				: description.substring(0, DESCRIPTION_LIMIT - 1) + "…";
	}
}
