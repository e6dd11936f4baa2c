package com.nexustime.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.finance.ProjectFinances;
import com.nexustime.finance.ProjectSummary;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;

/**
 * Which projects make money. Value is what the project's Time tab sums for the period (billed, finalized to bill,
 * not billed, fixed costs and adjustments not yet billed), taken from {@link ProjectFinances}, never priced
 * again. Cost is Σ minutes × the cost rate in force on the entry's day ÷ 60 (rounded once per project) plus the
 * amounts of the fixed costs, which are what the vendor charges.
 */
@Service
@Transactional(readOnly = true)
public class Profitability {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/*
	 * Each cost rate holds from its day until the next one of the same person; minutes join the rate whose span
	 * holds their day. The whole months of the period come from finance's kind rollup (V41: minutes and amounts
	 * per project, month, person and kind), priced at the rate in force on the month's first day; a month in which
	 * a person's rate changes after the 1st is read from that person's entries instead, so each minute still meets
	 * the rate of its own day. The days at the period's edges are read from the entries (time_entry_report_idx).
	 * The pieces are summed per project (a hash on the id) before the project's name and client are joined:
	 * grouping by the names sorted every piece on disk at a million entries (docs/benchmarks.md, "Dashboard and
	 * money reports at a million entries"). The viewer's and the filter's conditions are per project, so applying
	 * them after the sum keeps the same rows.
	 */
	static final String COSTS = """
			with spans as (
			select user_id, rate, effective_from,
			       lead(effective_from) over (partition by user_id order by effective_from) as until
			  from user_cost_rate
			),
			changed as (
			select distinct user_id, date_trunc('month', effective_from)::date as month
			  from user_cost_rate
			 where extract(day from effective_from) <> 1 and effective_from between :firstWhole and :lastWholeEnd
			),
			pieces as (
			select k.project_id, k.user_id, k.month as day, k.type, k.minutes, k.amount
			  from time_entry_kind_rollup k
			 where k.month between :firstWhole and :lastWhole and k.entries <> 0
			   and not exists (select 1 from changed c where c.user_id = k.user_id and c.month = k.month)
			union all
			select e.project_id, e.user_id, e.entry_date, e.type, e.minutes, e.amount
			  from changed c
			  join time_entry e on e.user_id = c.user_id
			                   and e.entry_date between c.month and (c.month + interval '1 month - 1 day')::date
			union all
			select e.project_id, e.user_id, e.entry_date, e.type, e.minutes, e.amount
			  from time_entry e where e.entry_date between :headFrom and :headTo
			union all
			select e.project_id, e.user_id, e.entry_date, e.type, e.minutes, e.amount
			  from time_entry e where e.entry_date between :tailFrom and :tailTo
			),
			costs as (
			select e.project_id,
			       coalesce(sum(e.minutes) filter (where e.type = 'ACTIVITY'), 0)::bigint as minutes,
			       coalesce(sum(e.minutes * r.rate) filter (where e.type = 'ACTIVITY'), 0) as minute_cost,
			       coalesce(sum(e.minutes) filter (where e.type = 'ACTIVITY' and r.rate is null), 0)::bigint as uncosted,
			       coalesce(sum(e.amount) filter (where e.type = 'FIXED_COST'), 0) as fixed_cost
			  from pieces e
			  left join spans r on r.user_id = e.user_id and e.day >= r.effective_from
			                   and (r.until is null or e.day < r.until)
			 group by e.project_id
			)
			select e.project_id, p.name, c.name as client, p.budget_amount, e.minutes, e.minute_cost, e.uncosted,
			       e.fixed_cost
			  from costs e
			  join project p on p.id = e.project_id
			  join contact c on c.id = p.contact_id
			 where true%s""";

	private final JdbcClient jdbc;

	private final ProjectFinances finances;

	private final TimeReports reports;

	Profitability(JdbcClient jdbc, ProjectFinances finances, TimeReports reports) {
		this.jdbc = jdbc;
		this.finances = finances;
		this.reports = reports;
	}

	/** Admins see every project; managers (without admin) the projects they manage. */
	public static boolean mayRead(CurrentUser viewer) {
		return viewer.has(Role.ADMIN) || viewer.has(Role.MANAGER);
	}

	private record Costs(long projectId, String name, String client, BigDecimal budget, long minutes,
			BigDecimal minuteCost, long uncosted, BigDecimal fixedCost) {
	}

	public ProfitabilityReport report(ReportFilter filter, CurrentUser viewer) {
		if (!mayRead(viewer)) {
			throw new org.springframework.security.access.AccessDeniedException("profitability: admins and managers only");
		}
		StringBuilder conditions = new StringBuilder();
		Map<String, Object> parameters = new LinkedHashMap<>();
		ProjectFinances.MonthSplit split = ProjectFinances.MonthSplit.of(filter.from(), filter.to());
		parameters.put("firstWhole", split.firstWhole());
		parameters.put("lastWhole", split.lastWhole());
		parameters.put("lastWholeEnd", split.lastWhole().plusMonths(1).minusDays(1));
		parameters.put("headFrom", split.headFrom());
		parameters.put("headTo", split.headTo());
		parameters.put("tailFrom", split.tailFrom());
		parameters.put("tailTo", split.tailTo());
		if (!viewer.has(Role.ADMIN)) {
			conditions.append(" and p.manager_id = :viewer");
			parameters.put("viewer", viewer.id());
		}
		if (filter.projectId() != null) {
			conditions.append(" and e.project_id = :projectId");
			parameters.put("projectId", filter.projectId());
		}
		if (filter.contactId() != null) {
			conditions.append(" and p.contact_id = :contactId");
			parameters.put("contactId", filter.contactId());
		}
		List<Costs> costs = jdbc.sql(COSTS.formatted(conditions)).params(parameters)
			.query((rs, n) -> new Costs(rs.getLong("project_id"), rs.getString("name"), rs.getString("client"),
					rs.getBigDecimal("budget_amount"), rs.getLong("minutes"), rs.getBigDecimal("minute_cost"),
					rs.getLong("uncosted"), rs.getBigDecimal("fixed_cost")))
			.list();
		// the report shows no purchase order: their use is not read
		Map<Long, ProjectSummary> values = finances.summariesWithoutPurchaseOrders(
				costs.stream().map(Costs::projectId).toList(), filter.from(), filter.to());
		List<ProfitabilityReport.Row> rows = new ArrayList<>();
		BigDecimal totalValue = TimeReports.money(null);
		BigDecimal totalCost = TimeReports.money(null);
		for (Costs project : costs) {
			ProjectSummary summary = values.get(project.projectId());
			BigDecimal value = summary == null ? TimeReports.money(null) : value(summary);
			BigDecimal timeCost = project.minuteCost().divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
			BigDecimal fixedCost = TimeReports.money(project.fixedCost());
			BigDecimal cost = timeCost.add(fixedCost);
			BigDecimal margin = value.subtract(cost);
			BigDecimal budget = project.budget() == null ? null : TimeReports.money(project.budget());
			rows.add(new ProfitabilityReport.Row(String.valueOf(project.projectId()), project.name(), project.client(),
					budget, value, cost, margin, percent(margin, value), percent(value, budget),
					TimeReports.hours(project.minutes()), timeCost, fixedCost, TimeReports.hours(project.uncosted())));
			totalValue = totalValue.add(value);
			totalCost = totalCost.add(cost);
		}
		rows.sort(Comparator.comparing(ProfitabilityReport.Row::margin).reversed()
			.thenComparing(ProfitabilityReport.Row::name).thenComparing(ProfitabilityReport.Row::projectId));
		BigDecimal totalMargin = totalValue.subtract(totalCost);
		return new ProfitabilityReport(filter.from(), filter.to(), reports.currency(), rows, totalValue, totalCost,
				totalMargin, percent(totalMargin, totalValue));
	}

	/** Everything the Time tab shows as billed or still to bill for the period. */
	static BigDecimal value(ProjectSummary summary) {
		return summary.billed().add(summary.finalizedToBill()).add(summary.notBilled()).add(summary.notBilledFixed())
			.add(summary.notBilledAdjustments());
	}

	/** part ÷ whole × 100 with two decimals; null when there is no whole. */
	static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		if (whole == null || whole.signum() == 0) {
			return null;
		}
		return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
	}
}
