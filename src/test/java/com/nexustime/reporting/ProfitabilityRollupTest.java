package com.nexustime.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.finance.ProjectFinances;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Profitability's cost read through the kind rollup (whole months priced at the month's rate, months with a
 * mid-month rate change and the edges read from the entries) equals the cost summed entry by entry, each at the
 * rate of its own day.
 */
class ProfitabilityRollupTest extends IntegrationTest {

	/* The cost statement as it was before the rollup: every entry of the period joined to its rate. */
	static final String COSTS_FROM_ENTRIES = """
			with spans as (
			select user_id, rate, effective_from,
			       lead(effective_from) over (partition by user_id order by effective_from) as until
			  from user_cost_rate
			)
			select e.project_id, p.name, c.name as client, p.budget_amount,
			       coalesce(sum(e.minutes) filter (where e.type = 'ACTIVITY'), 0)::bigint as minutes,
			       coalesce(sum(e.minutes * r.rate) filter (where e.type = 'ACTIVITY'), 0) as minute_cost,
			       coalesce(sum(e.minutes) filter (where e.type = 'ACTIVITY' and r.rate is null), 0)::bigint as uncosted,
			       coalesce(sum(e.amount) filter (where e.type = 'FIXED_COST'), 0) as fixed_cost
			  from time_entry e
			  join project p on p.id = e.project_id
			  join contact c on c.id = p.contact_id
			  left join spans r on r.user_id = e.user_id and e.entry_date >= r.effective_from
			                   and (r.until is null or e.entry_date < r.until)
			 where e.entry_date between :from and :to and p.contact_id = :contactId
			 group by e.project_id, p.name, c.name, p.budget_amount""";

	private MoneyFixture m;

	@BeforeEach
	void fixture() {
		m = new MoneyFixture(new ReportFixture(api, admin(), jdbc));
		// a rate from the first of a month (the rollup's month takes it) and one from the middle of the next
		m.costRate(m.staff, "2017-09-01", "70.00");
		m.costRate(m.other, "2017-10-17", "40.00");
		m.time(m.staff, m.p2, "2017-08-31", 45, "100.00", true, "FINALIZED");
		m.time(m.staff, m.p2, "2017-09-01", 90, "100.00", true, "OPEN");
		m.time(m.staff, m.p2, "2017-09-30", 15, "100.00", false, "BILLED");
		m.time(m.other, m.p2, "2017-10-16", 60, "100.00", true, "OPEN");
		m.time(m.other, m.p2, "2017-10-17", 30, "100.00", true, "OPEN");
		m.time(m.other, m.p1, "2017-11-02", 20, "100.00", true, "OPEN");
		m.fixedCost(m.other, m.p2, "2017-10-01", "12.00");
	}

	private List<Map<String, Object>> costs(String sql, LocalDate from, LocalDate to) {
		ProjectFinances.MonthSplit split = ProjectFinances.MonthSplit.of(from, to);
		return jdbc.sql(sql).param("from", from).param("to", to).param("contactId", Long.valueOf(m.client))
			.param("firstWhole", split.firstWhole()).param("lastWhole", split.lastWhole())
			.param("lastWholeEnd", split.lastWhole().plusMonths(1).minusDays(1))
			.param("headFrom", split.headFrom()).param("headTo", split.headTo())
			.param("tailFrom", split.tailFrom()).param("tailTo", split.tailTo())
			.query().listOfRows();
	}

	@Test
	void costThroughTheRollupEqualsCostEntryByEntry() {
		String throughRollup = Profitability.COSTS.formatted(" and p.contact_id = :contactId");
		assertThat(throughRollup).contains("time_entry_kind_rollup");
		List<LocalDate[]> periods = List.of(
				new LocalDate[] { LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31) },
				new LocalDate[] { LocalDate.of(2017, 6, 1), LocalDate.of(2017, 6, 30) },
				new LocalDate[] { LocalDate.of(2017, 6, 14), LocalDate.of(2017, 9, 30) },
				new LocalDate[] { LocalDate.of(2017, 8, 31), LocalDate.of(2017, 10, 16) },
				new LocalDate[] { LocalDate.of(2017, 9, 1), LocalDate.of(2017, 11, 30) },
				new LocalDate[] { LocalDate.of(2017, 10, 2), LocalDate.of(2017, 10, 30) },
				new LocalDate[] { ProjectFinances.ALL_TIME_FROM, ProjectFinances.ALL_TIME_TO });
		int withRows = 0;
		for (LocalDate[] period : periods) {
			List<Map<String, Object>> fromEntries = costs(COSTS_FROM_ENTRIES, period[0], period[1]);
			assertThat(costs(throughRollup, period[0], period[1])).as("%s – %s", period[0], period[1])
				.containsExactlyInAnyOrderElementsOf(fromEntries);
			withRows += fromEntries.isEmpty() ? 0 : 1;
		}
		assertThat(withRows).isEqualTo(periods.size());
		// summed per project id, the names joined afterwards: grouping by the names sorted every piece on disk at
		// a million entries (docs/benchmarks.md, "Dashboard and money reports at a million entries")
		List<String> plan = costs("explain " + throughRollup, LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31))
			.stream().map(row -> String.valueOf(row.values().iterator().next())).toList();
		assertThat(plan).filteredOn(line -> line.contains("Group Key")).isNotEmpty()
			.noneMatch(line -> line.contains("name"));
	}
}
