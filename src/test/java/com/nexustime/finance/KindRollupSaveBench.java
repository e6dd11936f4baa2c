package com.nexustime.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the kind rollup's triggers (V41) cost a save: eight threads, eight people on two projects, each transaction
 * the person's lock and one entry, as a save writes it; rounds with the V41 triggers on and off alternated in one
 * database, so the machine's load falls on both alike. Run on demand:
 * {@code ./mvnw -q -o test -Dtest=KindRollupSaveBench -Dbench=true} (lines starting with BENCH in the output).
 * A round with the triggers off deletes its entries before switching them on again, so the rollup stays exact.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class KindRollupSaveBench extends IntegrationTest {

	private static final String[] TRIGGERS = { "time_entry_kind_rollup_after_insert",
			"time_entry_kind_rollup_after_update", "time_entry_kind_rollup_after_delete" };

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void savesWithAndWithoutTheKindRollup() throws Exception {
		FinanceFixture f = new FinanceFixture(api, admin(), jdbc);
		List<Long> projects = List.of(Long.parseLong(f.project("STANDARD", "HOURLY")),
				Long.parseLong(f.project("STANDARD", "HOURLY")));
		List<TestUsers.TestUser> people = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			people.add(TestUsers.create(jdbc, "STAFF"));
		}
		int saves = Integer.getInteger("bench.saves", 2000);
		List<String> lines = new ArrayList<>();
		for (int round = 0; round < 6; round++) {
			boolean on = round % 2 == 0;
			if (!on) {
				triggers("disable");
			}
			try {
				String tag = "kind rollup bench " + round;
				double perSecond = round(f, projects, people, saves, tag);
				lines.add("BENCH round %d, V41 triggers %s: %.0f saves/s (8 threads)".formatted(round,
						on ? "on " : "off", perSecond));
				if (!on) {
					jdbc.sql("delete from time_entry where notes = ?").param(tag).update();
				}
			}
			finally {
				if (!on) {
					triggers("enable");
				}
			}
		}
		lines.forEach(System.out::println);
		long drift = jdbc.sql("""
				select count(*) from (
				select project_id, sum(amount) from time_entry where project_id = any(?) group by project_id
				except
				select project_id, sum(amount) from time_entry_kind_rollup where project_id = any(?) group by project_id) d""")
			.params(projects.toArray(Long[]::new), projects.toArray(Long[]::new)).query(Long.class).single();
		assertThat(drift).isZero();
	}

	private void triggers(String action) {
		for (String trigger : TRIGGERS) {
			jdbc.sql("alter table time_entry " + action + " trigger " + trigger).update();
		}
	}

	private double round(FinanceFixture f, List<Long> projects, List<TestUsers.TestUser> people, int saves,
			String tag) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(people.size());
		TransactionTemplate tx = new TransactionTemplate(transactions);
		long started = System.nanoTime();
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < people.size(); t++) {
				TestUsers.TestUser who = people.get(t);
				long project = projects.get(t % projects.size());
				done.add(pool.submit(() -> {
					for (int i = 0; i < saves / people.size(); i++) {
						LocalDate day = LocalDate.of(2022, 1, 3).plusDays(i % 300);
						tx.executeWithoutResult(s -> {
							jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(0x454e54, (int) who.id()).query()
								.listOfRows();
							jdbc.sql("""
									insert into time_entry (type, user_id, project_id, activity_id, entry_date, minutes,
									                        rate, amount, notes)
									values ('ACTIVITY', ?, ?, ?, ?, 30, 100.00, ?, ?)""")
								.params(who.id(), project, Long.valueOf(f.design), day, new BigDecimal("50.00"), tag)
								.update();
						});
					}
				}));
			}
			for (Future<?> each : done) {
				each.get(10, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		return saves / ((System.nanoTime() - started) / 1e9);
	}
}
