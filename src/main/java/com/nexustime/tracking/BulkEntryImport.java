package com.nexustime.tracking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.nexustime.budget.PoBudgetWatch;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.web.DateBounds;
import com.nexustime.system.web.Inputs;
import com.nexustime.system.web.InvalidInputException;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * Turns rows pasted from a spreadsheet, notes or a message into entries. Each row is
 * {@code date, start-end or hours, project, activity, description, billable}, separated by tabs or commas.
 * A preview runs every row through the real checks inside a transaction that is rolled back, so what it
 * promises is what the import does; the import itself creates all rows in one transaction or none.
 */
@Service
public class BulkEntryImport {

	/** The most rows one paste may hold: a month of a busy person's entries, several times over. */
	public static final int MAX_ROWS = 1000;

	/** The most characters one paste may hold (a row with a full description is about 2,100). */
	public static final int MAX_CHARS = 200_000;

	/** The longest row read: six cells, the description at most 2,000 characters. */
	static final int MAX_ROW_CHARS = 2_200;

	private static final Pattern SPAN = Pattern.compile("(\\d{1,2}[:.]\\d{2})\\s*[-–]\\s*(\\d{1,2}[:.]\\d{2})");

	private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})");

	private final TimeEntryService entries;

	private final JdbcClient jdbc;

	private final WorkspaceSettings workspace;

	private final PoBudgetWatch budget;

	private final TransactionTemplate outer;

	private final TransactionTemplate perRow;

	BulkEntryImport(TimeEntryService entries, JdbcClient jdbc, WorkspaceSettings workspace, PoBudgetWatch budget,
			PlatformTransactionManager transactions) {
		this.entries = entries;
		this.jdbc = jdbc;
		this.workspace = workspace;
		this.budget = budget;
		this.outer = new TransactionTemplate(transactions);
		this.perRow = new TransactionTemplate(transactions);
		this.perRow.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** A row that will be (or was) created. */
	public record Accepted(int line, LocalDate date, String project, String activity, BigDecimal hours,
			BigDecimal rate, BigDecimal amount, String description, boolean billable, Long entryId) {
	}

	/** A row that cannot be created, with the reason. */
	public record Rejected(int line, String text, String reason) {
	}

	/** {@code alerts}: the purchase-order threshold crossings of the import (none in a preview). */
	public record Result(List<Accepted> accepted, List<Rejected> rejected, List<TimeEntry.Alert> alerts) {

		public boolean clean() {
			return rejected.isEmpty() && !accepted.isEmpty();
		}
	}

	/** Refused as a whole: nothing was created. */
	public static class ImportRefused extends RuntimeException {

		private final transient Result result;

		ImportRefused(Result result) {
			super(result.rejected().size() + " row(s) cannot be created; nothing was imported");
			this.result = result;
		}

		public Result result() {
			return result;
		}
	}

	/** What the import would do, changing nothing. */
	public Result preview(CurrentUser user, String text) {
		return outer.execute(tx -> {
			Result result = run(user, text);
			tx.setRollbackOnly();
			return result;
		});
	}

	/**
	 * Creates every row in one transaction, or none of them when any row is refused; the purchase orders of the
	 * projects it touched are checked once, at the end.
	 */
	public Result importAll(CurrentUser user, String text) {
		return outer.execute(tx -> {
			Result result = run(user, text);
			if (!result.clean()) {
				tx.setRollbackOnly();
				throw new ImportRefused(result);
			}
			return new Result(result.accepted(), result.rejected(),
					TimeEntryService.alerts(budget.settleHeld(user)));
		});
	}

	/** Refuses a paste longer than {@link #MAX_CHARS} or {@link #MAX_ROWS} before any row is read. */
	public static void checkSize(String text) {
		if (text == null) {
			return;
		}
		if (text.length() > MAX_CHARS) {
			throw new InvalidInputException("text", "must be at most " + MAX_CHARS + " characters");
		}
		long rows = text.lines().count();
		if (rows > MAX_ROWS) {
			throw new InvalidInputException("text", "must be at most " + MAX_ROWS + " rows");
		}
	}

	private Result run(CurrentUser user, String text) {
		checkSize(text);
		entries.lockUser(user.id());
		budget.holdUntilEnd();
		ZoneId zone = workspace.current().zone();
		Map<String, Long> projects = names("select lower(name) as name, id from project");
		Map<String, Long> activities = names("select lower(name) as name, id from activity where active");
		List<Accepted> accepted = new ArrayList<>();
		List<Rejected> rejected = new ArrayList<>();
		String[] lines = text == null ? new String[0] : text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			int number = i + 1;
			if (line.isBlank() || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("date"))) {
				continue;
			}
			try {
				ParsedRow row = parse(line, zone, projects, activities);
				TimeEntry entry = perRow.execute(tx -> entries.create(user, row.request()));
				accepted.add(new Accepted(number, entry.date(), row.project(), row.activity(), entry.hours(),
						entry.rate(), entry.amount(), entry.description(), entry.billable(), entry.id()));
			}
			catch (RuntimeException refused) {
				rejected.add(new Rejected(number, line, reason(refused)));
			}
		}
		return new Result(accepted, rejected, List.of());
	}

	record ParsedRow(EntryRequest request, String project, String activity) {
	}

	static ParsedRow parse(String line, ZoneId zone, Map<String, Long> projects, Map<String, Long> activities) {
		if (line.length() > MAX_ROW_CHARS) {
			throw new IllegalArgumentException("the row is longer than " + MAX_ROW_CHARS + " characters");
		}
		String[] cells = (line.contains("\t") ? line.split("\t", -1) : line.split(",", -1));
		if (cells.length < 4) {
			throw new IllegalArgumentException("needs at least date, time, project and activity");
		}
		LocalDate date;
		try {
			date = DateBounds.parse(cells[0]);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("date '" + abbreviated(cells[0].trim()) + "' " + ex.getMessage());
		}
		String time = cells[1].trim();
		String project = cells[2].trim();
		String activity = cells[3].trim();
		Long projectId = lookup(projects, project)
			.orElseThrow(() -> new IllegalArgumentException("no project named '" + project + "'"));
		Long activityId = lookup(activities, activity)
			.orElseThrow(() -> new IllegalArgumentException("no active activity named '" + activity + "'"));
		String description = cells.length > 4 ? cells[4].trim() : null;
		Boolean billable = cells.length > 5 && !cells[5].isBlank() ? yes(cells[5].trim()) : null;
		Matcher span = SPAN.matcher(time);
		EntryRequest request;
		if (span.matches()) {
			LocalTime from = LocalTime.parse(clock(span.group(1)));
			LocalTime to = LocalTime.parse(clock(span.group(2)));
			request = new EntryRequest(EntryType.ACTIVITY, null, projectId, activityId, null, null, null,
					date.atTime(from).atZone(zone).toInstant(), date.atTime(to).atZone(zone).toInstant(), description,
					billable, null, null, null, null, null, null);
		}
		else {
			request = new EntryRequest(EntryType.ACTIVITY, null, projectId, activityId, date, minutes(time), null, null,
					null, description, billable, null, null, null, null, null, null);
		}
		return new ParsedRow(request, project, activity);
	}

	/** "1.5", "1,5" or "1:30" hours as minutes. */
	static int minutes(String hours) {
		Matcher clock = CLOCK.matcher(hours);
		if (clock.matches()) {
			return Integer.parseInt(clock.group(1)) * 60 + Integer.parseInt(clock.group(2));
		}
		BigDecimal decimal;
		try {
			// bounded before parsing: "1e3000000" would otherwise expand to three million digits below
			decimal = Inputs.decimal(hours.replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			decimal = null;
		}
		if (decimal == null || decimal.compareTo(BigDecimal.valueOf(24)) > 0) {
			throw new IllegalArgumentException("time '" + abbreviated(hours)
					+ "' is neither hours (1.5, 1:30, at most 24) nor a span (09:00-10:30)");
		}
		int minutes = decimal.multiply(BigDecimal.valueOf(60)).setScale(0, java.math.RoundingMode.HALF_UP).intValue();
		if (minutes == 0 && decimal.signum() != 0) {
			throw new IllegalArgumentException("time '" + hours + "' is less than a minute, the smallest unit");
		}
		return minutes;
	}

	private static String abbreviated(String text) {
		return text.length() <= 40 ? text : text.substring(0, 40) + "...";
	}

	private static String clock(String value) {
		String normal = value.replace('.', ':');
		return normal.length() == 4 ? "0" + normal : normal;
	}

	private static Boolean yes(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "yes", "y", "true", "1", "billable", "x" -> true;
			case "no", "n", "false", "0", "non-billable", "-" -> false;
			default -> throw new IllegalArgumentException("billable '" + value + "' is not yes or no");
		};
	}

	private static Optional<Long> lookup(Map<String, Long> byName, String nameOrId) {
		Long byExactName = byName.get(nameOrId.toLowerCase(Locale.ROOT));
		if (byExactName != null) {
			return Optional.of(byExactName);
		}
		if (nameOrId.matches("\\d+") && byName.containsValue(Long.valueOf(nameOrId))) {
			return Optional.of(Long.valueOf(nameOrId));
		}
		return Optional.empty();
	}

	private Map<String, Long> names(String sql) {
		Map<String, Long> map = new java.util.HashMap<>();
		jdbc.sql(sql).query((rs, n) -> map.putIfAbsent(rs.getString("name"), rs.getLong("id"))).list();
		return map;
	}

	private static String reason(RuntimeException refused) {
		if (refused instanceof com.nexustime.system.web.RuleViolationException rule && rule.field() != null) {
			return rule.field() + ": " + rule.getMessage();
		}
		if (refused instanceof org.springframework.security.access.AccessDeniedException) {
			return "not allowed";
		}
		return refused.getMessage() == null ? "cannot be created" : refused.getMessage();
	}
}
