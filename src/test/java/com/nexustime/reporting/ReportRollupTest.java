package com.nexustime.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.nexustime.support.IntegrationTest;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly rollup (V23) always equals a recomputation from time_entry, whatever writes the entries, and a
 * report read through it answers exactly what the entries alone answer.
 */
class ReportRollupTest extends IntegrationTest {

	@Autowired
	PlatformTransactionManager transactions;

	private ReportFixture f;

	@BeforeEach
	void fixture() {
		f = new ReportFixture(api, admin(), jdbc);
	}

	/* Rows of the rollup that differ from a recomputation, either way (the rollup's empty keys do not count). */
	private List<Map<String, Object>> differences() {
		return jdbc.sql("""
				with recomputed as (
				select date_trunc('month', entry_date)::date as month, user_id, project_id, activity_id, billable,
				       coalesce(sum(minutes), 0)::bigint as minutes, sum(amount)::numeric(16,2) as amount,
				       count(*)::bigint as entries
				  from time_entry group by 1, 2, 3, 4, 5
				),
				kept as (
				select month, user_id, project_id, activity_id, billable, minutes, amount, entries
				  from time_entry_month_rollup where entries > 0
				)
				(select 'missing' as side, * from (select * from recomputed except select * from kept) m)
				union all
				(select 'extra', * from (select * from kept except select * from recomputed) x)""")
			.query().listOfRows();
	}

	private long rollupEntries(long userId) {
		return jdbc.sql("select coalesce(sum(entries), 0) from time_entry_month_rollup where user_id = ?")
			.param(userId).query(Long.class).single();
	}

	@Test
	void insertsUpdatesThatMoveBetweenKeysAndDeletesKeepTheRollupEqualToTheEntries() {
		assertThat(differences()).isEmpty();
		long entry = f.time(f.staff1, f.a1, f.day, 60, "100.00", true);
		assertThat(differences()).isEmpty();
		assertThat(rollupEntries(f.staff1.id())).isEqualTo(3 + 1);

		// every key column in turn, then minutes and amount, then several columns at once
		jdbc.sql("update time_entry set entry_date = ? where id = ?").params(f.day.plusMonths(1), entry).update();
		assertThat(differences()).isEmpty();
		jdbc.sql("update time_entry set user_id = ? where id = ?").params(f.staff2.id(), entry).update();
		assertThat(differences()).isEmpty();
		assertThat(rollupEntries(f.staff1.id())).isEqualTo(3);
		jdbc.sql("update time_entry set project_id = ? where id = ?").params(Long.valueOf(f.b1), entry).update();
		assertThat(differences()).isEmpty();
		jdbc.sql("update time_entry set activity_id = ? where id = ?").params(Long.valueOf(f.fixedCost), entry).update();
		assertThat(differences()).isEmpty();
		jdbc.sql("update time_entry set billable = false where id = ?").param(entry).update();
		assertThat(differences()).isEmpty();
		jdbc.sql("update time_entry set minutes = 75, amount = 125.00 where id = ?").param(entry).update();
		assertThat(differences()).isEmpty();
		jdbc.sql("update time_entry set entry_date = ?, user_id = ?, billable = true where id = ?")
			.params(f.day, f.staff1.id(), entry).update();
		assertThat(differences()).isEmpty();

		// one statement over many entries, moving some and leaving others where they are
		jdbc.sql("update time_entry set entry_date = entry_date + 40 where user_id in (?, ?)")
			.params(f.staff1.id(), f.staff2.id()).update();
		assertThat(differences()).isEmpty();

		jdbc.sql("delete from time_entry where id = ?").param(entry).update();
		assertThat(differences()).isEmpty();
		jdbc.sql("delete from time_entry where user_id in (?, ?, ?)").params(f.staff1.id(), f.staff2.id(),
				f.manager.id()).update();
		assertThat(differences()).isEmpty();
		assertThat(rollupEntries(f.staff1.id())).isZero();
	}

	@Test
	void aStatusChangeLeavesTheRollupUntouched() {
		long entry = f.time(f.staff1, f.a1, f.day, 60, "100.00", true);
		String before = jdbc.sql("select xmin::text from time_entry_month_rollup where user_id = ? and project_id = ?"
				+ " and billable and month = ?").params(f.staff1.id(), Long.valueOf(f.a1), f.day.withDayOfMonth(1))
			.query(String.class).single();
		jdbc.sql("update time_entry set status = 'FINALIZED', description = 'approved' where id = ?").param(entry)
			.update();
		String after = jdbc.sql("select xmin::text from time_entry_month_rollup where user_id = ? and project_id = ?"
				+ " and billable and month = ?").params(f.staff1.id(), Long.valueOf(f.a1), f.day.withDayOfMonth(1))
			.query(String.class).single();
		assertThat(after).isEqualTo(before);
		assertThat(differences()).isEmpty();
	}

	/*
	 * Eight transactions at a time write, move and delete entries on the same few keys, each committing on its
	 * own; none may deadlock or lose a delta.
	 */
	@Test
	void concurrentSavesKeepTheRollupExact() throws Exception {
		int threads = 8;
		CyclicBarrier start = new CyclicBarrier(threads);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		TransactionTemplate tx = new TransactionTemplate(transactions);
		try {
			List<Future<Integer>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				Callable<Integer> work = () -> {
					start.await(30, TimeUnit.SECONDS);
					for (int i = 0; i < 25; i++) {
						int round = i;
						tx.executeWithoutResult(status -> {
							// two entries on keys shared by every thread, written in opposite orders by odd and even threads
							String first = thread % 2 == 0 ? f.a1 : f.a2;
							String second = thread % 2 == 0 ? f.a2 : f.a1;
							long one = f.time(f.staff1, first, f.day, 30 + round, "100.00", true);
							long two = f.time(f.staff1, second, f.day.plusMonths(1), 15, "80.00", round % 2 == 0);
							jdbc.sql("update time_entry set project_id = ?, entry_date = ? where id = ?")
								.params(Long.valueOf(second), f.day.plusMonths(1), one).update();
							if (round % 3 == 0) {
								jdbc.sql("delete from time_entry where id = ?").param(two).update();
							}
						});
					}
					return thread;
				};
				done.add(pool.submit(work));
			}
			for (Future<Integer> each : done) {
				each.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(differences()).isEmpty();
		long expected = 3 + threads * (25 + 25 - 9);
		assertThat(rollupEntries(f.staff1.id())).isEqualTo(expected);
	}

	private List<Map<String, Object>> run(TimeReports.Query query) {
		return jdbc.sql(query.sql()).params(query.parameters()).query().listOfRows();
	}

	@Test
	void reportsReadThroughTheRollupAnswerWhatTheEntriesAnswer() {
		// entries on the edges of months, so periods that start or end inside a month mix rollup and entries
		LocalDate monthEnd = LocalDate.of(2019, 5, 31);
		f.time(f.staff1, f.a1, monthEnd, 50, "100.00", true);
		f.time(f.staff2, f.b1, monthEnd.plusDays(1), 25, "120.00", false);
		f.money(f.staff1, f.b1, LocalDate.of(2019, 3, 1), "FIXED_COST", f.fixedCost, "33.10");
		CurrentUser admin = new CurrentUser(1L, "a", "a", "", true, Set.of(Role.ADMIN));
		CurrentUser staff = new CurrentUser(f.staff1.id(), "s", "s", "", true, Set.of(Role.STAFF));
		List<LocalDate[]> periods = List.of(new LocalDate[] { ReportFixture.YEAR_START, ReportFixture.YEAR_END },
				new LocalDate[] { LocalDate.of(2019, 3, 1), LocalDate.of(2019, 5, 31) },
				new LocalDate[] { LocalDate.of(2019, 2, 14), LocalDate.of(2019, 6, 1) },
				new LocalDate[] { LocalDate.of(2019, 1, 2), LocalDate.of(2019, 12, 30) },
				new LocalDate[] { f.day, f.day.plusDays(1) });
		int compared = 0;
		int throughRollup = 0;
		int withRows = 0;
		for (LocalDate[] period : periods) {
			for (ReportGrouping grouping : ReportGrouping.values()) {
				for (Boolean billable : new Boolean[] { null, true, false }) {
					List<ReportFilter> filters = List.of(
							new ReportFilter(grouping, period[0], period[1], billable, null, null, null, null,
									Long.valueOf(f.clientA)),
							new ReportFilter(grouping, period[0], period[1], billable, null, null,
									Long.valueOf(f.b1), null, null),
							new ReportFilter(grouping, period[0], period[1], billable, null, null, null,
									f.staff2.id(), null),
							new ReportFilter(grouping, period[0], period[1], billable, null, null, null, null, null));
					for (ReportFilter filter : filters) {
						for (CurrentUser viewer : List.of(admin, staff)) {
							TimeReports.Query rollup = TimeReports.reportQuery(filter, viewer);
							if (rollup.sql().contains("time_entry_month_rollup")) {
								throughRollup++;
							}
							List<Map<String, Object>> fromEntries = run(TimeReports.rawReportQuery(filter, viewer));
							if (!fromEntries.isEmpty()) {
								withRows++;
							}
							assertThat(run(rollup)).as("%s seen by %s", filter, viewer.roles()).isEqualTo(fromEntries);
							compared++;
						}
					}
				}
			}
		}
		assertThat(compared).isEqualTo(5 * ReportGrouping.values().length * 3 * 4 * 2);
		assertThat(withRows).as("comparisons of non-empty reports").isGreaterThan(compared / 3);
		// the last period lies inside one month: never through the rollup; every other one is
		assertThat(throughRollup).isEqualTo(4 * ReportGrouping.values().length * 3 * 4 * 2);
	}

	@Test
	void aRateRangeReadsEachEntry() {
		ReportFilter filter = new ReportFilter(ReportGrouping.PROJECT, ReportFixture.YEAR_START,
				ReportFixture.YEAR_END, null, new BigDecimal("90"), null, null, null, Long.valueOf(f.clientA));
		CurrentUser admin = new CurrentUser(1L, "a", "a", "", true, Set.of(Role.ADMIN));
		assertThat(TimeReports.reportQuery(filter, admin).sql()).doesNotContain("time_entry_month_rollup");
		assertThat(run(TimeReports.reportQuery(filter, admin))).extracting(row -> row.get("amount").toString())
			.containsExactly("440.00");
	}

	@Test
	void aYearsReportReadsTheRollupIndex() {
		ReportFilter filter = new ReportFilter(ReportGrouping.CLIENT, ReportFixture.YEAR_START, ReportFixture.YEAR_END,
				true, null, null, null, null, null);
		CurrentUser admin = new CurrentUser(1L, "a", "a", "", true, Set.of(Role.ADMIN));
		TimeReports.Query query = TimeReports.reportQuery(filter, admin);
		String plan = new TransactionTemplate(transactions).execute(status -> {
			jdbc.sql("set local enable_seqscan = off").update();
			return String.join("\n",
					jdbc.sql("explain " + query.sql()).params(query.parameters()).query(String.class).list());
		});
		assertThat(plan).contains("time_entry_month_rollup_key").doesNotContain("Seq Scan on time_entry ");
	}
}
