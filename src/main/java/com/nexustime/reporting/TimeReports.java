package com.nexustime.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

	private final JdbcClient jdbc;

	private final WorkspaceSettings workspace;

	TimeReports(JdbcClient jdbc, WorkspaceSettings workspace) {
		this.jdbc = jdbc;
		this.workspace = workspace;
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
					select r.user_id, r.project_id, r.minutes, r.amount, r.entries
					  from time_entry_month_rollup r
					 where r.month between :firstMonth and :lastMonth and r.entries > 0""")
				.append(narrowing(filter, viewer, "r")).append('\n');
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
						select e.user_id, e.project_id, e.minutes, e.amount, 1
						  from time_entry e
						 where (%s)%s
						""".formatted(String.join(" or ", edges), narrowing(filter, viewer, "e")));
			}
			return sql.toString();
		}

		/* The filters both halves share; their values are already bound by where(). */
		private static String narrowing(ReportFilter filter, CurrentUser viewer, String alias) {
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
			if (!seesEveryone(viewer)) {
				sql.append(" and ").append(alias).append(".user_id = :viewer");
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
		return from.toString();
	}

	private record RowWithTotals(TimeReport.Row row, long minutes, BigDecimal hours, BigDecimal amount, long entries) {
	}

	public TimeReport report(ReportFilter filter, CurrentUser viewer) {
		Query query = reportQuery(filter, viewer);
		List<RowWithTotals> found = jdbc.sql(query.sql()).params(query.parameters())
			.query((rs, n) -> new RowWithTotals(
					new TimeReport.Row(String.valueOf(rs.getLong("key")), rs.getString("name"), rs.getLong("minutes"),
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

	static Query entriesQuery(ReportFilter filter, CurrentUser viewer, int page, int size) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		String where = where(filter, viewer, parameters);
		parameters.put("limit", size + 1);
		parameters.put("offset", (long) page * size);
		String sql = """
				with matching as (
				select e.id, e.entry_date, e.type, e.user_id, u.name as person, e.project_id, p.name as project,
				       c.name as client, a.name as activity, coalesce(e.description, e.notes) as description,
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
				rs.getString("activity"), rs.getString("description"), minutes == null ? null : minutes.longValue(),
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
		if (!seesEveryone(viewer)) {
			where.append(" and e.user_id = :viewer");
			parameters.put("viewer", viewer.id());
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
