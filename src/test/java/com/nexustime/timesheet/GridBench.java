package com.nexustime.timesheet;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import com.nexustime.review.WeekStates;
import com.nexustime.support.IntegrationTest;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not a test: the weekly grid of the benchmark (30 rows, 10 projects × 3 activities, five days of
 * half an hour) read and saved with one cell changed, through the grid service and the JSON writer, on the reads
 * as they are (one round trip, rows mapped by position) against the reads as they were
 * ({@link NameMappedWeekEntries}: three statements, rows mapped by name), alternated in one JVM and database so
 * that a busy machine moves both; and the same save with no cell changed, whose difference to the one-cell save is
 * the one entry update through {@code TimeEntryService}. Runs only when asked:
 * {@code ./mvnw -q -o test -Dtest=GridBench -Dbench=true [-Dbench.requests=300 -Dbench.rounds=3]}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class GridBench extends IntegrationTest {

	@Test
	void oneRoundTripAgainstThreeNameMappedStatements() throws Exception {
		int requests = Integer.getInteger("bench.requests", 300);
		int rounds = Integer.getInteger("bench.rounds", 3);
		TimesheetFixture f = new TimesheetFixture(jdbc);
		long third = jdbc.sql("insert into activity (name, category) values (?, 'DESIGN_CREATIVE') returning id")
			.param("Copy " + f.unique).query(Long.class).single();
		List<Long> activities = List.of(f.design, f.review, third);
		List<GridChanges.RowHours> rows = new ArrayList<>();
		for (int p = 0; p < 10; p++) {
			long project = jdbc.sql("insert into project (name, contact_id, type) select ?, contact_id, 'STANDARD' "
					+ "from project where id = ? returning id").params("Bench project " + p + " " + f.unique, f.project)
				.query(Long.class).single();
			jdbc.sql("insert into rate (scope, project_id, hourly_rate, effective_from) values ('PROJECT', ?, ?, ?)")
				.params(project, new BigDecimal("90.00"), LocalDate.of(2020, 1, 1)).update();
			for (long activity : activities) {
				rows.add(new GridChanges.RowHours(project, activity,
						new ArrayList<>(List.of("0.5", "0.5", "0.5", "0.5", "0.5", "", ""))));
			}
		}
		CurrentUser staff = new CurrentUser(f.staff.id(), f.staff.email(), "Staff", "", true, Set.of(Role.STAFF));
		TimesheetService now = context.getBean(TimesheetService.class);
		TimesheetService was = GridReadAgreementTest.service(context, new NameMappedWeekEntries(jdbc,
				context.getBean(JdbcTemplate.class), context.getBean(WeekStates.class)));
		ObjectMapper json = context.getBean(ObjectMapper.class);
		TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		TransactionTemplate readOnly = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		readOnly.setReadOnly(true);
		LocalDate week = now.weekContaining(LocalDate.now().minusWeeks(1));
		tx.executeWithoutResult(s -> now.save(staff, week, new GridChanges(null, rows)));
		assertThat(f.entries(f.staff.id(), week)).hasSize(150);
		assertThat(now.grid(staff, week, null)).isEqualTo(readOnly.execute(s -> was.grid(staff, week, null)));

		long[] round = { 0 };
		Op get = service -> json.writeValueAsBytes(readOnly.execute(s -> service.grid(staff, week, null)));
		Op put = service -> {
			long r = round[0]++;
			List<String> hours = rows.get((int) (r % rows.size())).hours();
			int day = (int) (r / rows.size() % 5);
			hours.set(day, "0.5".equals(hours.get(day)) ? "0.25" : "0.5");
			json.writeValueAsBytes(tx.execute(s -> service.save(staff, week, new GridChanges(null, rows))));
		};
		// the same grid saved as it is: no entry changes, so what remains is the grid's own share of a save
		Op unchanged = service -> json.writeValueAsBytes(tx.execute(s -> service.save(staff, week,
				new GridChanges(null, rows))));
		for (TimesheetService service : List.of(was, now, was, now)) {
			time(get, service, requests / 2);
			time(put, service, requests / 4);
		}
		for (int r = 1; r <= rounds; r++) {
			for (var op : List.of(new Named("GET", get, requests), new Named("PUT", put, requests / 2),
					new Named("PUT unchanged", unchanged, requests / 2))) {
				double before = time(op.op(), was, op.count());
				double after = time(op.op(), now, op.count());
				System.out.printf("BENCH round %d %s ×%d: before %.2f ms, after %.2f ms, after/before %.2f (load %s)%n",
						r, op.name(), op.count(), before, after, after / before, load());
			}
		}
		assertThat(f.entries(f.staff.id(), week)).hasSize(150);
	}

	/** Mean milliseconds of one call over {@code count} calls. */
	private static double time(Op op, TimesheetService service, int count) throws Exception {
		long started = System.nanoTime();
		for (int i = 0; i < count; i++) {
			op.run(service);
		}
		return (System.nanoTime() - started) / 1e6 / count;
	}

	private static String load() throws Exception {
		return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
	}

	interface Op {

		void run(TimesheetService service) throws Exception;
	}

	record Named(String name, Op op, int count) {
	}
}
