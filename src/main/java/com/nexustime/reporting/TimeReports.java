package com.nexustime.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
		Map<String, Object> parameters = new LinkedHashMap<>();
		String where = where(filter, viewer, parameters);
		String key = filter.groupBy().keySql;
		String name = filter.groupBy().nameSql;
		String sql = """
				with report_rows as (
				select %s as key, %s as name, coalesce(sum(e.minutes), 0) as minutes, sum(e.amount) as amount,
				       count(*) as entries
				%s%s
				 group by %s, %s
				)
				select key, name, minutes, round(minutes / 60.0, 2) as hours, amount, entries,
				       sum(minutes) over () as total_minutes, sum(round(minutes / 60.0, 2)) over () as total_hours,
				       sum(amount) over () as total_amount, sum(entries) over () as total_entries
				  from report_rows
				 order by amount desc, name, key""".formatted(key, name, reportFrom(filter), where, key, name);
		return new Query(sql, parameters);
	}

	/* Only the joins the grouping and filters need; each is on a not-null foreign key, so none drops an entry. */
	private static String reportFrom(ReportFilter filter) {
		StringBuilder from = new StringBuilder("  from time_entry e\n");
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
