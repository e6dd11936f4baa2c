package com.nexustime.finance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kind rollup (V41) always equals a recomputation from time_entry, whatever changes the entries (their
 * status included), and the project summaries read through it sum exactly what the entries alone sum, for whole
 * periods, periods with edges and periods inside one month.
 */
class KindRollupTest extends IntegrationTest {

	/* The summary statement as it was before the rollup: every entry of the period, read one by one. */
	static final String SUMMARY_FROM_ENTRIES = """
			select p.id project_id, p.status project_status, e.status, e.type, e.activity_id, a.name activity_name,
			       a.category, e.billable, e.not_invoiced, sum(e.amount) amount
			  from project p
			  left join time_entry e on e.project_id = p.id and e.entry_date between :from and :to
			  left join activity a on a.id = e.activity_id
			 where p.id = any(:projects)
			 group by p.id, p.status, e.status, e.type, e.activity_id, a.name, a.category, e.billable, e.not_invoiced""";

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ProjectFinances finances;

	private FinanceFixture f;

	private long p1;

	private long p2;

	@BeforeEach
	void fixture() {
		f = new FinanceFixture(api, admin(), jdbc);
		p1 = Long.parseLong(f.project("STANDARD", "HOURLY"));
		p2 = Long.parseLong(f.project("STANDARD", "HOURLY"));
	}

	private long entry(TestUsers.TestUser who, long project, String type, String activity, LocalDate date,
			Integer minutes, String amount, boolean billable, boolean notInvoiced, String status) {
		return jdbc.sql("""
				insert into time_entry (type, user_id, project_id, activity_id, entry_date, minutes, rate, amount,
				                        billable, not_invoiced, status, notes)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'kind rollup test') returning id""")
			.params(type, who.id(), project, activity == null ? null : Long.valueOf(activity), date, minutes,
					minutes == null ? null : new java.math.BigDecimal("100.00"), new java.math.BigDecimal(amount),
					billable, notInvoiced, status)
			.query(Long.class).single();
	}

	/* Rows of the rollup that differ from a recomputation, either way (the rollup's empty keys do not count). */
	private List<Map<String, Object>> differences() {
		return jdbc.sql("""
				with recomputed as (
				select project_id, date_trunc('month', entry_date)::date as month, user_id, status, type, activity_id,
				       billable, not_invoiced, coalesce(sum(minutes), 0)::bigint as minutes,
				       sum(amount)::numeric(16,2) as amount, count(*)::bigint as entries
				  from time_entry group by 1, 2, 3, 4, 5, 6, 7, 8
				),
				kept as (
				select project_id, month, user_id, status, type, activity_id, billable, not_invoiced, minutes, amount,
				       entries
				  from time_entry_kind_rollup where entries <> 0
				)
				(select 'missing' as side, * from (select * from recomputed except select * from kept) m)
				union all
				(select 'extra', * from (select * from kept except select * from recomputed) x)""")
			.query().listOfRows();
	}

	private long entriesOf(long project) {
		return jdbc.sql("select coalesce(sum(entries), 0) from time_entry_kind_rollup where project_id = ?")
			.param(project).query(Long.class).single();
	}

	@Test
	void everyChangeOfAnEntryKeepsTheRollupEqualToTheEntries() {
		assertThat(differences()).isEmpty();
		LocalDate day = LocalDate.of(2021, 3, 15);
		long entry = entry(f.staff, p1, "ACTIVITY", f.design, day, 60, "100.00", true, false, "OPEN");
		entry(f.manager, p1, "FIXED_COST", f.fixedCost, day, null, "40.00", true, false, "OPEN");
		entry(f.staff, p1, "ADJUSTMENT", null, day.plusDays(20), null, "-5.00", true, false, "OPEN");
		assertThat(differences()).isEmpty();
		assertThat(entriesOf(p1)).isEqualTo(3);

		// the lifecycle: each status moves the sums from one key to the next
		for (String status : List.of("IN_PROCESS", "FINALIZED", "BILLED", "OPEN")) {
			jdbc.sql("update time_entry set status = ? where id = ?").params(status, entry).update();
			assertThat(differences()).as(status).isEmpty();
		}
		// every other key column in turn, then minutes and amount, then several at once
		jdbc.sql("update time_entry set project_id = ? where id = ?").params(p2, entry).update();
		assertThat(differences()).isEmpty();
		assertThat(entriesOf(p1)).isEqualTo(2);
		assertThat(entriesOf(p2)).isEqualTo(1);
		jdbc.sql("update time_entry set entry_date = ? where id = ?").params(day.plusMonths(2), entry).update();
		assertThat(differences()).isEmpty();
		jdbc.sql("update time_entry set user_id = ? where id = ?").params(f.manager.id(), entry).update();
		assertThat(differences()).isEmpty();
		jdbc.sql("update time_entry set activity_id = ? where id = ?").params(Long.valueOf(f.management), entry)
			.update();
		assertThat(differences()).isEmpty();
		jdbc.sql("update time_entry set billable = false where id = ?").param(entry).update();
		assertThat(differences()).isEmpty();
		jdbc.sql("update time_entry set not_invoiced = true where id = ?").param(entry).update();
		assertThat(differences()).isEmpty();
		jdbc.sql("update time_entry set minutes = 75, amount = 125.00 where id = ?").param(entry).update();
		assertThat(differences()).isEmpty();
		jdbc.sql("update time_entry set project_id = ?, entry_date = ?, billable = true, not_invoiced = false,"
				+ " status = 'FINALIZED' where id = ?").params(p1, day, entry).update();
		assertThat(differences()).isEmpty();

		// one statement over many entries (a week finalized, an invoice), some moving and some not
		jdbc.sql("update time_entry set status = 'BILLED', entry_date = entry_date + 10 where project_id in (?, ?)")
			.params(p1, p2).update();
		assertThat(differences()).isEmpty();

		jdbc.sql("delete from time_entry where id = ?").param(entry).update();
		assertThat(differences()).isEmpty();
		jdbc.sql("delete from time_entry where project_id in (?, ?)").params(p1, p2).update();
		assertThat(differences()).isEmpty();
		assertThat(entriesOf(p1)).isZero();
	}

	/* The migration's backfill, run again over the suite's entries (emptied first, rolled back after), rebuilds it. */
	@Test
	void theMigrationsBackfillBuildsTheRollupFromStoredEntries() throws Exception {
		entry(f.staff, p1, "ACTIVITY", f.design, LocalDate.of(2021, 7, 5), 45, "75.00", true, false, "FINALIZED");
		entry(f.manager, p2, "FIXED_COST", f.fixedCost, LocalDate.of(2021, 7, 31), null, "8.00", false, true, "BILLED");
		String migration = java.nio.file.Files.readString(
				java.nio.file.Path.of("src/main/resources/db/migration/V41__kind_rollup.sql"));
		String backfill = migration.substring(migration.indexOf("-- the entries already stored"));
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			jdbc.sql("delete from time_entry_kind_rollup").update();
			assertThat(differences()).isNotEmpty();
			jdbc.sql(backfill.replaceAll("(?m)^--.*$", "").trim().replaceAll(";$", "")).update();
			assertThat(differences()).isEmpty();
			status.setRollbackOnly();
		});
		assertThat(differences()).isEmpty();
	}

	@Test
	void aNewDescriptionLeavesTheRollupUntouched() {
		long entry = entry(f.staff, p1, "ACTIVITY", f.design, LocalDate.of(2021, 4, 2), 30, "50.00", true, false,
				"OPEN");
		String before = jdbc.sql("select string_agg(xmin::text, ',') from time_entry_kind_rollup where project_id = ?")
			.param(p1).query(String.class).single();
		jdbc.sql("update time_entry set description = 'reworded' where id = ?").param(entry).update();
		String after = jdbc.sql("select string_agg(xmin::text, ',') from time_entry_kind_rollup where project_id = ?")
			.param(p1).query(String.class).single();
		assertThat(after).isEqualTo(before);
	}

	/*
	 * Eight threads save, finalize, move between projects and delete entries at once, each transaction taking its
	 * person's lock as every save does (tracking/TimeEntryStore), while others finalize and bill whole projects in
	 * one statement without it, as the review and billing steps do; nothing may deadlock or lose a delta.
	 */
	@Test
	void concurrentSavesAndStatusChangesKeepTheRollupExact() throws Exception {
		int threads = 8;
		int rounds = 20;
		CyclicBarrier start = new CyclicBarrier(threads);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		TransactionTemplate tx = new TransactionTemplate(transactions);
		LocalDate day = LocalDate.of(2021, 6, 10);
		try {
			List<Future<Integer>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				TestUsers.TestUser who = thread % 2 == 0 ? f.staff : f.manager;
				Callable<Integer> work = () -> {
					start.await(30, TimeUnit.SECONDS);
					for (int i = 0; i < rounds; i++) {
						int round = i;
						if (thread == threads - 1) {
							// the status of whole projects at once, in one statement each
							String status = round % 2 == 0 ? "FINALIZED" : "BILLED";
							jdbc.sql("update time_entry set status = ? where project_id in (?, ?) and status <> ?")
								.params(status, p1, p2, status).update();
							continue;
						}
						tx.executeWithoutResult(s -> {
							jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(0x454e54, (int) who.id())
								.query().listOfRows();
							long first = thread % 4 < 2 ? p1 : p2;
							long second = first == p1 ? p2 : p1;
							long one = entry(who, first, "ACTIVITY", f.design, day, 30 + round, "50.00", true, false,
									"OPEN");
							long two = entry(who, second, "FIXED_COST", f.fixedCost, day.plusMonths(1), null,
									"12.50", round % 2 == 0, false, "OPEN");
							jdbc.sql("update time_entry set project_id = ?, entry_date = ? where id = ?")
								.params(second, day.plusDays(25), one).update();
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
		int savers = threads - 1;
		long kept = (long) savers * (rounds + rounds - 7); // rounds 0, 3, ..., 18 delete their second entry
		assertThat(entriesOf(p1) + entriesOf(p2)).isEqualTo(kept);
	}

	private List<Map<String, Object>> kinds(String sql, List<Long> projects, LocalDate from, LocalDate to) {
		ProjectFinances.MonthSplit split = ProjectFinances.MonthSplit.of(from, to);
		return jdbc.sql(sql).param("projects", projects.toArray(Long[]::new)).param("from", from).param("to", to)
			.param("firstWhole", split.firstWhole()).param("lastWhole", split.lastWhole())
			.param("headFrom", split.headFrom()).param("headTo", split.headTo())
			.param("tailFrom", split.tailFrom()).param("tailTo", split.tailTo())
			.query().listOfRows();
	}

	@Test
	void summariesReadThroughTheRollupSumWhatTheEntriesSum() {
		// entries on the first and last days of months, of every type, status and flag
		LocalDate[] days = { LocalDate.of(2021, 1, 31), LocalDate.of(2021, 2, 1), LocalDate.of(2021, 2, 14),
				LocalDate.of(2021, 2, 28), LocalDate.of(2021, 3, 1), LocalDate.of(2021, 5, 31),
				LocalDate.of(2021, 6, 1) };
		String[] statuses = { "OPEN", "IN_PROCESS", "FINALIZED", "BILLED" };
		for (int i = 0; i < days.length; i++) {
			long project = i % 2 == 0 ? p1 : p2;
			entry(f.staff, project, "ACTIVITY", f.design, days[i], 60 + i, (100 + i) + ".00", true, false,
					statuses[i % 4]);
			entry(f.manager, project, "ACTIVITY", f.management, days[i], 30, "45.50", i % 3 != 0, i % 4 == 1,
					statuses[(i + 1) % 4]);
			entry(f.staff, project, "FIXED_COST", f.fixedCost, days[i], null, "19.99", true, false, statuses[i % 4]);
			entry(f.manager, project, "ADJUSTMENT", null, days[i], null, "-3.25", true, false, "OPEN");
		}
		// a purchase order, so that the summaries without purchase orders have something to leave out
		f.purchaseOrder(String.valueOf(p1), "PO-KIND-1", "1000.00", "Rollup group");
		List<Long> projects = List.of(p1, p2);
		List<LocalDate[]> periods = List.of(
				new LocalDate[] { ProjectFinances.ALL_TIME_FROM, ProjectFinances.ALL_TIME_TO },
				new LocalDate[] { LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31) },
				new LocalDate[] { LocalDate.of(2021, 2, 1), LocalDate.of(2021, 5, 31) },
				new LocalDate[] { LocalDate.of(2021, 1, 31), LocalDate.of(2021, 6, 1) },
				new LocalDate[] { LocalDate.of(2021, 2, 14), LocalDate.of(2021, 3, 1) },
				new LocalDate[] { LocalDate.of(2021, 2, 2), LocalDate.of(2021, 2, 28) },
				new LocalDate[] { LocalDate.of(2021, 2, 1), LocalDate.of(2021, 2, 14) },
				new LocalDate[] { LocalDate.of(2021, 1, 15), LocalDate.of(2021, 2, 13) },
				new LocalDate[] { LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 31) });
		int withKinds = 0;
		for (LocalDate[] period : periods) {
			List<Map<String, Object>> fromEntries = kinds(SUMMARY_FROM_ENTRIES, projects, period[0], period[1]);
			List<Map<String, Object>> throughRollup = kinds(ProjectFinances.SUMMARY, projects, period[0], period[1]);
			assertThat(throughRollup).as("%s – %s", period[0], period[1])
				.containsExactlyInAnyOrderElementsOf(fromEntries);
			if (fromEntries.size() > 2) {
				withKinds++;
			}
			// the projects with entries, as client billing lists them
			assertThat(finances.projectsWithEntries(period[0], period[1])).as("%s – %s", period[0], period[1])
				.containsAll(fromEntries.stream().filter(row -> row.get("status") != null)
					.map(row -> ((Number) row.get("project_id")).longValue()).distinct().toList());
			// client billing's summaries: exactly the projects with an entry in the period, each the same summary;
			// profitability's: the same summaries without their purchase orders
			Map<Long, ProjectSummary> all = finances.summaries(projects, period[0], period[1]);
			Map<Long, ProjectSummary> withEntries = finances.summariesOfProjectsWithEntries(projects, period[0],
					period[1]);
			assertThat(withEntries.keySet()).as("%s – %s", period[0], period[1])
				.containsExactlyInAnyOrderElementsOf(fromEntries.stream().filter(row -> row.get("status") != null)
					.map(row -> ((Number) row.get("project_id")).longValue()).distinct().toList());
			withEntries.forEach((id, summary) -> assertThat(summary).isEqualTo(all.get(id)));
			Map<Long, ProjectSummary> withoutOrders = finances.summariesWithoutPurchaseOrders(projects, period[0],
					period[1]);
			assertThat(withoutOrders.keySet()).containsExactlyElementsOf(all.keySet());
			withoutOrders.forEach((id, summary) -> assertThat(summary)
				.isEqualTo(all.get(id).withPurchaseOrders(List.of())));
			assertThat(all.get(p1).purchaseOrders()).hasSize(1);
		}
		assertThat(withKinds).as("periods with entries").isGreaterThanOrEqualTo(7);
		assertThat(finances.projectsWithEntries(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 31)))
			.doesNotContain(p1, p2);
		assertThat(finances.projectsWithEntries(LocalDate.of(2021, 2, 2), LocalDate.of(2021, 2, 13)))
			.doesNotContain(p1, p2);
	}

	/*
	 * At a million entries, grouping the joined rows by the activity's or the person's name made PostgreSQL sort
	 * every rollup row on disk (docs/benchmarks.md, "Dashboard and money reports at a million entries"): the sums
	 * are taken on ids, and the names joined afterwards.
	 */
	@Test
	void theSummaryAndTheHoursPerPersonSumOnIdsBeforeJoiningNames() {
		entry(f.staff, p1, "ACTIVITY", f.design, LocalDate.of(2021, 3, 2), 60, "100.00", true, false, "OPEN");
		ProjectFinances.MonthSplit all = ProjectFinances.MonthSplit.of(ProjectFinances.ALL_TIME_FROM,
				ProjectFinances.ALL_TIME_TO);
		String projects = "'{" + p1 + "," + p2 + "}'::bigint[]";
		List<String> summary = jdbc.sql("explain " + ProjectFinances.SUMMARY.replace(":projects", projects)
			.replace(":firstWhole", "date '" + all.firstWhole() + "'")
			.replace(":lastWhole", "date '" + all.lastWhole() + "'")
			.replace(":headFrom", "date '" + all.headFrom() + "'").replace(":headTo", "date '" + all.headTo() + "'")
			.replace(":tailFrom", "date '" + all.tailFrom() + "'").replace(":tailTo", "date '" + all.tailTo() + "'"))
			.query(String.class).list();
		List<String> assignment = jdbc.sql("explain " + ProjectFinances.ASSIGNMENT.replace(":projects", projects)
			.replace(":top", "10")).query(String.class).list();
		assertThat(summary).filteredOn(line -> line.contains("Group Key")).isNotEmpty()
			.noneMatch(line -> line.contains("name") || line.contains("category"));
		assertThat(assignment).filteredOn(line -> line.contains("Group Key")).isNotEmpty()
			.noneMatch(line -> line.contains("name"));
	}

	@Test
	void aPeriodSplitsIntoWholeMonthsAndEdges() {
		ProjectFinances.MonthSplit year = ProjectFinances.MonthSplit.of(LocalDate.of(2021, 1, 1),
				LocalDate.of(2021, 12, 31));
		assertThat(year.firstWhole()).isEqualTo(LocalDate.of(2021, 1, 1));
		assertThat(year.lastWhole()).isEqualTo(LocalDate.of(2021, 12, 1));
		assertThat(year.headTo()).isBefore(year.headFrom());
		assertThat(year.tailTo()).isBefore(year.tailFrom());

		ProjectFinances.MonthSplit edges = ProjectFinances.MonthSplit.of(LocalDate.of(2021, 1, 15),
				LocalDate.of(2021, 4, 10));
		assertThat(edges.firstWhole()).isEqualTo(LocalDate.of(2021, 2, 1));
		assertThat(edges.lastWhole()).isEqualTo(LocalDate.of(2021, 3, 1));
		assertThat(edges.headFrom()).isEqualTo(LocalDate.of(2021, 1, 15));
		assertThat(edges.headTo()).isEqualTo(LocalDate.of(2021, 1, 31));
		assertThat(edges.tailFrom()).isEqualTo(LocalDate.of(2021, 4, 1));
		assertThat(edges.tailTo()).isEqualTo(LocalDate.of(2021, 4, 10));

		ProjectFinances.MonthSplit inside = ProjectFinances.MonthSplit.of(LocalDate.of(2021, 1, 15),
				LocalDate.of(2021, 2, 10));
		assertThat(inside.lastWhole()).isBefore(inside.firstWhole());
		assertThat(inside.headFrom()).isEqualTo(LocalDate.of(2021, 1, 15));
		assertThat(inside.headTo()).isEqualTo(LocalDate.of(2021, 2, 10));
		assertThat(inside.tailTo()).isBefore(inside.tailFrom());

		ProjectFinances.MonthSplit allTime = ProjectFinances.MonthSplit.of(ProjectFinances.ALL_TIME_FROM,
				ProjectFinances.ALL_TIME_TO);
		assertThat(allTime.lastWhole()).isEqualTo(LocalDate.of(9999, 12, 1));
		assertThat(allTime.headTo()).isBefore(allTime.headFrom());
		assertThat(allTime.tailTo()).isBefore(allTime.tailFrom());
	}
}
