package com.nexustime.tracking;

import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.nexustime.audit.AuditLog;
import com.nexustime.budget.PoBudgetWatch;
import com.nexustime.rates.RateLookup;
import com.nexustime.rules.RateCandidate;
import com.nexustime.support.IntegrationTest;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;
import com.nexustime.workspace.WorkspaceSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not a test: saves/s of one thread (one connection) through the save as it is, where the
 * owner's lock, the facts, the week's status and the rate candidates share one round trip, against the same
 * save with those four reads sent one by one as before ({@link Unfolded}), alternated in the same JVM and
 * database so that a busy machine moves both. Runs only when asked:
 * {@code ./mvnw -q -o test -Dtest=SaveRoundTripsBench -Dbench=true [-Dbench.saves=1000 -Dbench.rounds=3]}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class SaveRoundTripsBench extends IntegrationTest {

	@Test
	void foldedAgainstOneStatementPerRoundTrip() {
		int saves = Integer.getInteger("bench.saves", 1000);
		int rounds = Integer.getInteger("bench.rounds", 3);
		TrackingFixture f = new TrackingFixture(jdbc);
		f.projectRate(f.project, "80.00", LocalDate.of(2020, 1, 1));
		CurrentUser staff = new CurrentUser(f.staff.id(), f.staff.email(), "Staff", "", true, Set.of(Role.STAFF));
		TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		EntrySaves folded = context.getBean(EntrySaves.class);
		EntrySaves unfolded = saves(new Unfolded(jdbc, context.getBean(JdbcTemplate.class),
				context.getBean(ReviewedWeeks.class)));
		int[] day = { 0 };
		Runnable warmUp = () -> {
			run(tx, folded, staff, f, saves / 2, day);
			run(tx, unfolded, staff, f, saves / 2, day);
		};
		warmUp.run();
		for (int round = 1; round <= rounds; round++) {
			for (EntrySaves path : List.of(unfolded, folded)) {
				long started = System.nanoTime();
				run(tx, path, staff, f, saves, day);
				double seconds = (System.nanoTime() - started) / 1e9;
				System.out.printf("BENCH round %d %s: %,d saves in %.2f s = %.0f saves/s (one connection)%n", round,
						path == folded ? "folded (4 round trips)  " : "unfolded (7 round trips)", saves, seconds,
						saves / seconds);
			}
		}
		assertThat(jdbc.sql("select count(*) from time_entry where user_id = ?").param(f.staff.id())
			.query(Long.class).single()).isEqualTo((long) saves * (1 + 2 * rounds));
	}

	private static void run(TransactionTemplate tx, EntrySaves path, CurrentUser staff, TrackingFixture f, int saves,
			int[] day) {
		LocalDate today = LocalDate.now();
		for (int i = 0; i < saves; i++) {
			// five minutes a save, spread over the last year: no day reaches 24 hours
			LocalDate date = today.minusDays(day[0]++ % 365);
			tx.executeWithoutResult(status -> path.create(staff, new EntryRequest(EntryType.ACTIVITY, null, f.project,
					f.design, date, 5, null, null, null, null, true, false, null, null, null, null, null, null)));
		}
	}

	private EntrySaves saves(TimeEntryStore store) {
		TimeEntries entries = context.getBean(TimeEntries.class);
		return new EntrySaves(entries, store, new EntryDrafts(store, entries, context.getBean(Bookability.class),
				context.getBean(RateLookup.class)), context.getBean(EntryLocking.class),
				context.getBean(VisibleEntries.class), context.getBean(EntryActors.class),
				context.getBean(WorkspaceSettings.class), context.getBean(AuditLog.class),
				context.getBean(PoBudgetWatch.class), context.getBean(EntrySaveCount.class));
	}

	/** The save's reads as they were before they shared a round trip: lock, facts, week status, rates. */
	static class Unfolded extends TimeEntryStore {

		private final JdbcClient jdbc;

		private final ReviewedWeeks weeks;

		Unfolded(JdbcClient jdbc, JdbcTemplate template, ReviewedWeeks weeks) {
			super(jdbc, template, weeks);
			this.jdbc = jdbc;
			this.weeks = weeks;
		}

		@Override
		Optional<SaveFacts> saveFacts(EntryDraft d, Long exceptId, LocalDate day, LocalDate weekStart,
				boolean lockOwner) {
			if (lockOwner) {
				lockOwner(d.userId());
			}
			var params = new MapSqlParameterSource().addValue("projectId", d.projectId())
				.addValue("activityId", d.activityId(), Types.BIGINT)
				.addValue("userId", d.userId())
				.addValue("day", day, Types.DATE)
				.addValue("exceptId", exceptId == null ? -1L : exceptId);
			Optional<SaveFacts> facts = jdbc.sql("""
					select p.id, p.type, p.status, p.corporation, p.billing_mode, a.id as activity_id, a.category,
					       a.corporation as activity_corporation, a.active as activity_active,
					       a.billable as activity_billable,
					       exists (select 1 from purchase_order po where po.project_id = p.id) as has_orders,
					       cast(:day as date) as day,
					       (select coalesce(sum(e.minutes), 0) from time_entry e
					         where e.user_id = :userId and e.entry_date = :day and e.type = 'ACTIVITY'
					           and e.id <> :exceptId) as minutes_that_day
					from project p left join activity a on a.id = :activityId where p.id = :projectId""")
				.paramSource(params)
				.query((rs, row) -> new SaveFacts(rs.getLong("id"), rs.getString("type"), rs.getString("status"),
						rs.getString("corporation"), rs.getString("billing_mode"), (Long) rs.getObject("activity_id"),
						rs.getString("category"), rs.getString("activity_corporation"),
						(Boolean) rs.getObject("activity_active"), (Boolean) rs.getObject("activity_billable"),
						rs.getBoolean("has_orders"),
						rs.getObject("day", LocalDate.class), rs.getInt("minutes_that_day"), null, List.of()))
				.optional();
			if (facts.isEmpty()) {
				return facts;
			}
			SaveFacts f = facts.get();
			String weekStatus = weekStart == null ? null : weeks.status(d.userId(), weekStart).orElse(null);
			List<RateCandidate> candidates = d.pricedByRate() ? jdbc.sql(RateLookup.CANDIDATES)
				.param("userId", d.userId()).param("projectId", d.projectId()).param("activityId", d.activityId())
				.query(RateCandidate.class).list() : new ArrayList<>();
			return Optional.of(new SaveFacts(f.id(), f.type(), f.status(), f.corporation(), f.billingMode(),
					f.activityId(), f.category(), f.activityCorporation(), f.activityActive(), f.activityBillable(), f.hasOrders(), f.day(),
					f.minutesThatDay(), weekStatus, candidates));
		}
	}
}
