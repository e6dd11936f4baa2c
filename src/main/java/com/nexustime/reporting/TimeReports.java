package com.nexustime.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * Time reports, aggregated in PostgreSQL: one statement for a report (rows and totals together) and one for a
 * page of the entries behind it. Both share the same WHERE (and joins that never drop an entry), so a drill-down
 * always adds up to its row.
 * Definitions: {@code docs/reports.md}.
 */
@Service
@Transactional(readOnly = true)
public class TimeReports {

	/** The most entries one drill-down page holds. */
	public static final int MAX_PAGE_SIZE = 500;

	static final String FROM = """
			  from time_entry e
			  join project p on p.id = e.project_id
			  join contact c on c.id = p.contact_id
			  join app_user u on u.id = e.user_id
			""";

	/** The most entries one CSV export holds; a larger question gets a 400 asking for a narrower filter. */
	public static final int MAX_EXPORT_ROWS = 200_000;

	private final JdbcClient jdbc;

	/* Reads an export in batches through a cursor (inside the read-only transaction) instead of all at once. */
	private final NamedParameterJdbcTemplate streaming;

	private final WorkspaceSettings workspace;

	private volatile int exportLimit = MAX_EXPORT_ROWS;

	TimeReports(JdbcClient jdbc, DataSource dataSource, WorkspaceSettings workspace) {
		this.jdbc = jdbc;
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(1000);
		this.streaming = new NamedParameterJdbcTemplate(template);
		this.workspace = workspace;
	}

	/** Tests lower the export limit to see the refusal without writing 200,000 entries. */
	int exportLimit(int limit) {
		int before = exportLimit;
		exportLimit = limit;
		return before;
	}

	/** Admins, managers and auditors report on everyone; anyone else on their own entries only. */
	static boolean seesEveryone(CurrentUser viewer) {
		return viewer.has(Role.ADMIN) || viewer.has(Role.MANAGER) || viewer.has(Role.AUDITOR);
	}

	/** Today in the workspace's time zone: the default report period is the month containing it. */
	public LocalDate today() {
		return LocalDate.now(workspace.current().zone());
	}

	public String currency() {
		return workspace.current().currency();
	}

	/** A statement with its named parameters. */
	record Query(String sql, Map<String, Object> parameters) {
	}

	static Query reportQuery(ReportFilter filter, CurrentUser viewer) {
		return reportQuery(filter, viewer, RollupSpan.of(filter));
	}

	/** The report read from the entries alone, as the rollup must always agree with it. */
	static Query rawReportQuery(ReportFilter filter, CurrentUser viewer) {
		return reportQuery(filter, viewer, Optional.empty());
	}

	private static Query reportQuery(ReportFilter filter, CurrentUser viewer, Optional<RollupSpan> rollup) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		String where = where(filter, viewer, parameters);
		String source = "time_entry e";
		if (rollup.isPresent()) {
			source = "(\n" + rollup.get().source(filter, viewer, parameters) + ") e";
			// the edges' conditions live inside the source; what is left applies to the joined project
			where = filter.contactId() == null ? "" : " where p.contact_id = :contactId";
		}
		String key = filter.groupBy().keySql;
		String name = filter.groupBy().nameSql;
		String sql = """
				with report_rows as (
				select %s as key, %s as name, coalesce(sum(e.minutes), 0)::bigint as minutes, sum(e.amount) as amount,
				       %s as entries
				%s%s
				 group by %s, %s
				)
				select key, name, minutes, round(minutes / 60.0, 2) as hours, amount, entries,
				       sum(minutes) over () as total_minutes, sum(round(minutes / 60.0, 2)) over () as total_hours,
				       sum(amount) over () as total_amount, sum(entries) over () as total_entries
				  from report_rows
				 order by amount desc, name, key""".formatted(key, name,
				rollup.isPresent() ? "sum(e.entries)::bigint" : "count(*)", reportFrom(filter, source), where, key, name);
		return new Query(sql, parameters);
	}

	/**
	 * The whole months of a report's period, which the report reads from {@code time_entry_month_rollup} (V23),
	 * and the days before and after them, which it reads from the entries. Empty when the filter needs each
	 * entry's rate or the period holds no whole month.
	 */
	record RollupSpan(LocalDate firstMonth, LocalDate lastMonth) {

		static Optional<RollupSpan> of(ReportFilter filter) {
			if (filter.filtersByRate()) {
				return Optional.empty();
			}
			LocalDate firstMonth = filter.from().getDayOfMonth() == 1 ? filter.from()
					: filter.from().withDayOfMonth(1).plusMonths(1);
			LocalDate lastMonth = filter.to().equals(filter.to().with(TemporalAdjusters.lastDayOfMonth()))
					? filter.to().withDayOfMonth(1) : filter.to().withDayOfMonth(1).minusMonths(1);
			return firstMonth.isAfter(lastMonth) ? Optional.empty() : Optional.of(new RollupSpan(firstMonth, lastMonth));
		}

		/* The rollup's rows for the whole months and the entries of the days around them, as rows of one shape. */
		String source(ReportFilter filter, CurrentUser viewer, Map<String, Object> parameters) {
			parameters.put("firstMonth", firstMonth);
			parameters.put("lastMonth", lastMonth);
			StringBuilder sql = new StringBuilder("""
					select r.user_id, r.project_id, r.activity_id, r.billable, r.minutes, r.amount, r.entries
					  from time_entry_month_rollup r
					 where r.month between :firstMonth and :lastMonth and r.entries > 0""")
				.append(narrowing(filter, viewer, "r", parameters.containsKey("people"))).append('\n');
			List<String> edges = new ArrayList<>();
			if (filter.from().isBefore(firstMonth)) {
				edges.add("e.entry_date between :from and :beforeFirstMonth");
				parameters.put("beforeFirstMonth", firstMonth.minusDays(1));
			}
			LocalDate afterLastMonth = lastMonth.plusMonths(1);
			if (!filter.to().isBefore(afterLastMonth)) {
				edges.add("e.entry_date between :afterLastMonth and :to");
				parameters.put("afterLastMonth", afterLastMonth);
			}
			if (!edges.isEmpty()) {
				sql.append("""
						union all
						select e.user_id, e.project_id, e.activity_id, e.billable, e.minutes, e.amount, 1
						  from time_entry e
						 where (%s)%s
						""".formatted(String.join(" or ", edges), narrowing(filter, viewer, "e", parameters.containsKey("people"))));
			}
			return sql.toString();
		}

		/* The filters both halves share; their values are already bound by where(). */
		private static String narrowing(ReportFilter filter, CurrentUser viewer, String alias,
				boolean parametersHavePeople) {
			StringBuilder sql = new StringBuilder();
			if (filter.billable() != null) {
				sql.append(" and ").append(alias).append(".billable = :billable");
			}
			if (filter.projectId() != null) {
				sql.append(" and ").append(alias).append(".project_id = :projectId");
			}
			if (filter.userId() != null) {
				sql.append(" and ").append(alias).append(".user_id = :userId");
			}
			if (filter.activityId() != null) {
				sql.append(" and ").append(alias).append(".activity_id = :activityId");
			}
			if (filter.category() != null) {
				sql.append(" and ").append(alias).append(".activity_id in (select id from activity where category = :category)");
			}
			if (!seesEveryone(viewer)) {
				sql.append(" and ").append(alias).append(".user_id = :viewer");
			}
			if (parametersHavePeople) {
				sql.append(" and ").append(alias).append(".user_id = any(:people)");
			}
			return sql.toString();
		}
	}

	/*
	 * Only the joins the grouping and filters need; each is on a not-null foreign key, so none drops an entry.
	 * The source is time_entry itself or the rollup-and-edges rows, both aliased e.
	 */
	private static String reportFrom(ReportFilter filter, String source) {
		StringBuilder from = new StringBuilder("  from ").append(source).append('\n');
		boolean client = filter.groupBy() == ReportGrouping.CLIENT;
		if (client || filter.groupBy() == ReportGrouping.PROJECT || filter.contactId() != null) {
			from.append("  join project p on p.id = e.project_id\n");
		}
		if (client) {
			from.append("  join contact c on c.id = p.contact_id\n");
		}
		if (filter.groupBy() == ReportGrouping.USER) {
			from.append("  join app_user u on u.id = e.user_id\n");
		}
		if (filter.groupBy().byActivity()) {
			// adjustments have no activity: they stay, as one row without a key
			from.append("  left join activity a on a.id = e.activity_id\n");
		}
		return from.toString();
	}

	private record RowWithTotals(TimeReport.Row row, long minutes, BigDecimal hours, BigDecimal amount, long entries) {
	}

	public TimeReport report(ReportFilter filter, CurrentUser viewer) {
		Query query = reportQuery(filter, viewer);
		List<RowWithTotals> found = jdbc.sql(query.sql()).params(query.parameters())
			.query((rs, n) -> new RowWithTotals(
					new TimeReport.Row(rs.getString("key"), rowName(filter.groupBy(), rs.getString("name")), rs.getLong("minutes"),
							money(rs.getBigDecimal("hours")), money(rs.getBigDecimal("amount")), rs.getLong("entries")),
					rs.getLong("total_minutes"), money(rs.getBigDecimal("total_hours")),
					money(rs.getBigDecimal("total_amount")), rs.getLong("total_entries")))
			.list();
		RowWithTotals first = found.isEmpty() ? null : found.get(0);
		return new TimeReport(filter.groupBy(), filter.from(), filter.to(), filter.billable(), filter.minRate(),
				filter.maxRate(), currency(), !seesEveryone(viewer), found.stream().map(RowWithTotals::row).toList(),
				first == null ? 0 : first.minutes(), first == null ? money(null) : first.hours(),
				first == null ? money(null) : first.amount(), first == null ? 0 : first.entries());
	}

	private static String rowName(ReportGrouping grouping, String name) {
		if (grouping == ReportGrouping.CATEGORY || (grouping == ReportGrouping.ACTIVITY && name == null)) {
			return ActivityCategoryNames.of(name);
		}
		return name;
	}

	/** Minutes booked and billable minutes of each person in the filter's period and filters (utilization). */
	public record PersonMinutes(long minutes, long billableMinutes) {
	}

	/**
	 * Each given person's minutes under the filter, read like the reports (the rollup for whole months, the entries
	 * at the edges); people without entries are absent.
	 */
	public Map<Long, PersonMinutes> minutesByPerson(ReportFilter filter, CurrentUser viewer, Collection<Long> people) {
		Map<Long, PersonMinutes> found = new LinkedHashMap<>();
		if (people.isEmpty()) {
			return found;
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("people", people.toArray(Long[]::new));
		String where = where(filter, viewer, parameters);
		String source = "time_entry e";
		Optional<RollupSpan> rollup = RollupSpan.of(filter);
		if (rollup.isPresent()) {
			source = "(\n" + rollup.get().source(filter, viewer, parameters) + ") e";
			where = filter.contactId() == null ? "" : " where p.contact_id = :contactId";
		}
		String sql = """
				select e.user_id, coalesce(sum(e.minutes), 0)::bigint as minutes,
				       coalesce(sum(e.minutes) filter (where e.billable), 0)::bigint as billable_minutes
				  from %s
				%s%s
				 group by e.user_id""".formatted(source,
				filter.contactId() == null ? "" : "  join project p on p.id = e.project_id\n", where);
		jdbc.sql(sql).params(parameters).query((rs, n) -> found.put(rs.getLong("user_id"),
				new PersonMinutes(rs.getLong("minutes"), rs.getLong("billable_minutes")))).list();
		return found;
	}

	/** How many entries an export of the filter would hold. */
	public long countEntries(ReportFilter filter, CurrentUser viewer) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		String where = where(filter, viewer, parameters);
		String join = filter.contactId() == null ? "" : "  join project p on p.id = e.project_id\n";
		return jdbc.sql("select count(*) from time_entry e\n" + join + where).params(parameters).query(Long.class)
			.single();
	}

	/**
	 * How many entries an export of the filter holds; refused with a problem on the period when there are more
	 * than an export may hold.
	 */
	public long exportableEntries(ReportFilter filter, CurrentUser viewer) {
		long count = countEntries(filter, viewer);
		if (count > exportLimit) {
			throw new InvalidReportException(List.of(new InvalidReportException.Problem("from",
					"the filter matches " + count + " entries; an export holds at most " + exportLimit
							+ ": choose a shorter period or narrow it to a client, project or person")));
		}
		return count;
	}

	/** Every entry the filter matches, oldest first, one at a time (ask {@link #exportableEntries} first). */
	public void exportEntries(ReportFilter filter, CurrentUser viewer, Consumer<ReportEntries.Entry> sink) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		String where = where(filter, viewer, parameters);
		String sql = """
				select e.id, e.entry_date, e.type, e.user_id, u.name as person, e.project_id, p.name as project,
				       c.name as client, a.name as activity, a.category, coalesce(e.description, e.notes) as description,
				       e.minutes, e.rate, e.amount, e.billable, e.status
				%s  left join activity a on a.id = e.activity_id
				%s
				 order by e.entry_date, e.id""".formatted(FROM, where);
		streaming.query(sql, parameters, (RowCallbackHandler) rs -> sink.accept(entry(rs)));
	}

	static Query entriesQuery(ReportFilter filter, CurrentUser viewer, int page, int size) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		String where = where(filter, viewer, parameters);
		parameters.put("limit", size + 1);
		parameters.put("offset", (long) page * size);
		String sql = """
				with matching as (
				select e.id, e.entry_date, e.type, e.user_id, u.name as person, e.project_id, p.name as project,
				       c.name as client, a.name as activity, a.category, coalesce(e.description, e.notes) as description,
				       e.minutes, e.rate, e.amount, e.billable, e.status
				%s  left join activity a on a.id = e.activity_id
				%s
				),
				totals as (
				select count(*) as total_entries, coalesce(sum(minutes), 0) as total_minutes,
				       coalesce(sum(amount), 0) as total_amount
				  from matching
				)
				select t.*, m.*
				  from totals t
				  left join lateral (select * from matching order by entry_date, id limit :limit offset :offset) m on true
				 order by m.entry_date, m.id""".formatted(FROM, where);
		return new Query(sql, parameters);
	}

	public ReportEntries entries(ReportFilter filter, CurrentUser viewer, int page, int size) {
		int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
		int pageNumber = Math.max(0, page);
		Query query = entriesQuery(filter, viewer, pageNumber, pageSize);
		long[] totals = new long[2];
		BigDecimal[] amount = { money(null) };
		List<ReportEntries.Entry> found = new ArrayList<>();
		jdbc.sql(query.sql()).params(query.parameters()).query(rs -> {
			totals[0] = rs.getLong("total_entries");
			totals[1] = rs.getLong("total_minutes");
			amount[0] = money(rs.getBigDecimal("total_amount"));
			if (rs.getObject("id") != null) {
				found.add(entry(rs));
			}
		});
		boolean hasMore = found.size() > pageSize;
		List<ReportEntries.Entry> shown = hasMore ? List.copyOf(found.subList(0, pageSize)) : List.copyOf(found);
		return new ReportEntries(filter, currency(), pageNumber, pageSize, hasMore, totals[0], totals[1],
				hours(totals[1]), amount[0], shown);
	}

	private static ReportEntries.Entry entry(ResultSet rs) throws SQLException {
		Integer minutes = (Integer) rs.getObject("minutes");
		BigDecimal rate = rs.getBigDecimal("rate");
		return new ReportEntries.Entry(String.valueOf(rs.getLong("id")), rs.getObject("entry_date", LocalDate.class),
				rs.getString("type"), String.valueOf(rs.getLong("user_id")), rs.getString("person"),
				String.valueOf(rs.getLong("project_id")), rs.getString("project"), rs.getString("client"),
				rs.getString("activity"), rs.getString("category"), rs.getString("description"),
				minutes == null ? null : minutes.longValue(),
				minutes == null ? null : hours(minutes), rate == null ? null : money(rate),
				money(rs.getBigDecimal("amount")), rs.getBoolean("billable"), rs.getString("status"));
	}

	/*
	 * Only the conditions the filter asks for are written, each with a bound value, so the planner sees a plain
	 * range on entry_date (time_entry_report_idx, V15) plus whatever narrows it further.
	 */
	private static String where(ReportFilter filter, CurrentUser viewer, Map<String, Object> parameters) {
		StringBuilder where = new StringBuilder(" where e.entry_date between :from and :to");
		parameters.put("from", filter.from());
		parameters.put("to", filter.to());
		if (filter.billable() != null) {
			where.append(" and e.billable = :billable");
			parameters.put("billable", filter.billable());
		}
		// entries without a rate (fixed costs, adjustments) fail both comparisons and drop out
		if (filter.minRate() != null) {
			where.append(" and e.rate >= :minRate");
			parameters.put("minRate", filter.minRate());
		}
		if (filter.maxRate() != null) {
			where.append(" and e.rate <= :maxRate");
			parameters.put("maxRate", filter.maxRate());
		}
		if (filter.projectId() != null) {
			where.append(" and e.project_id = :projectId");
			parameters.put("projectId", filter.projectId());
		}
		if (filter.userId() != null) {
			where.append(" and e.user_id = :userId");
			parameters.put("userId", filter.userId());
		}
		if (filter.contactId() != null) {
			where.append(" and p.contact_id = :contactId");
			parameters.put("contactId", filter.contactId());
		}
		if (filter.activityId() != null) {
			where.append(" and e.activity_id = :activityId");
			parameters.put("activityId", filter.activityId());
		}
		if (filter.category() != null) {
			where.append(" and e.activity_id in (select id from activity where category = :category)");
			parameters.put("category", filter.category());
		}
		if (!seesEveryone(viewer)) {
			where.append(" and e.user_id = :viewer");
			parameters.put("viewer", viewer.id());
		}
		if (parameters.containsKey("people")) {
			where.append(" and e.user_id = any(:people)");
		}
		return where.toString();
	}

	static BigDecimal money(BigDecimal value) {
		return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2, RoundingMode.HALF_UP);
	}

	static BigDecimal hours(long minutes) {
		return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
	}
}
