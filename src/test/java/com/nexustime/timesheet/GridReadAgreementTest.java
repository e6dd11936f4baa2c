package com.nexustime.timesheet;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.nexustime.budget.PoBudgetWatch;
import com.nexustime.review.WeekStates;
import com.nexustime.rules.Actor;
import com.nexustime.rules.WeekLockRules;
import com.nexustime.support.IntegrationTest;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.system.security.Role;
import com.nexustime.tracking.Bookability;
import com.nexustime.tracking.EntryActors;
import com.nexustime.tracking.EntryStatus;
import com.nexustime.tracking.EntryType;
import com.nexustime.tracking.TimeEntryService;
import com.nexustime.workspace.WorkspaceSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid's read in one round trip, mapped by position, answers what the three name-mapped statements answered
 * (the same {@link WeekGrid}, field by field), for the owner, their manager and an admin, on a week sent back
 * with a comment, with a pinned row, notes and entries in every status; and each cell's lock is what the
 * week-locking rules answer when asked about that cell's entries one by one. And the read is one statement
 * execution (one round trip), counted on the connections of a wrapped data source.
 */
class GridReadAgreementTest extends IntegrationTest {

	@Test
	void oneRoundTripAnswersWhatTheThreeStatementsAnswered() {
		TimesheetFixture f = new TimesheetFixture(jdbc);
		TimesheetService service = context.getBean(TimesheetService.class);
		TimesheetService before = service(context, new NameMappedWeekEntries(jdbc, context.getBean(JdbcTemplate.class),
				context.getBean(WeekStates.class)));
		CurrentUser staff = new CurrentUser(f.staff.id(), f.staff.email(), "Staff", "", true, Set.of(Role.STAFF));
		CurrentUser manager = new CurrentUser(f.manager.id(), f.manager.email(), "Manager", "", true,
				Set.of(Role.MANAGER, Role.STAFF));
		long adminId = jdbc.sql("select id from app_user where email = ?").param(ADMIN_EMAIL).query(Long.class).single();
		CurrentUser admin = new CurrentUser(adminId, ADMIN_EMAIL, "Admin", "", true, Set.of(Role.ADMIN));
		LocalDate week = service.weekContaining(LocalDate.now().minusWeeks(3));

		service.save(staff, week, new GridChanges(null, List.of(
				new GridChanges.RowHours(f.project, f.design, List.of("1", "2", "", "0:30", "1", "", ""), "Homepage",
						List.of("sketches", "", "", "", "", "", "")),
				new GridChanges.RowHours(f.project, f.review, List.of("0.5", "0.5", "0.5", "0.5", "0.5", "", "")))));
		service.addRow(staff, week, new NewRow(null, f.project, f.management));
		jdbc.sql("insert into timesheet_row_note (user_id, week_start, project_id, activity_id, note) values (?, ?, ?, ?, ?)")
			.params(f.staff.id(), week, f.electronicProject, f.design, "noted, no row").update();
		List<Map<String, Object>> stored = f.entries(f.staff.id(), week);
		setStatus(stored, f.review, week.plusDays(1), "IN_PROCESS");
		setStatus(stored, f.review, week.plusDays(2), "FINALIZED");
		setStatus(stored, f.review, week.plusDays(3), "BILLED");

		for (String state : List.of("OPEN", "REJECTED")) {
			if (!"OPEN".equals(state)) {
				f.weekStatus(f.staff.id(), week, state, "Split the review hours, please");
			}
			for (CurrentUser actor : List.of(staff, manager, admin)) {
				WeekGrid now = read(service, actor, week, f.staff.id());
				assertThat(now).isEqualTo(read(before, actor, week, f.staff.id()));
				assertThat(now.rows()).hasSize(4);
				assertThat(now.comment()).isEqualTo("REJECTED".equals(state) ? "Split the review hours, please" : null);
				assertLocksAsAskedCellByCell(now, actor, f, week, state);
			}
		}
	}

	@Test
	void aGridIsReadWithOneStatementExecution() {
		TimesheetFixture f = new TimesheetFixture(jdbc);
		TimesheetService service = context.getBean(TimesheetService.class);
		CurrentUser staff = new CurrentUser(f.staff.id(), f.staff.email(), "Staff", "", true, Set.of(Role.STAFF));
		LocalDate week = service.weekContaining(LocalDate.now().minusWeeks(3));
		service.save(staff, week, new GridChanges(null, List.of(
				new GridChanges.RowHours(f.project, f.design, List.of("1", "2", "", "", "", "", ""), "Homepage", null),
				new GridChanges.RowHours(f.project, f.review, List.of("0.5", "0.5", "0.5", "0.5", "0.5", "", "")))));
		AtomicInteger executions = new AtomicInteger();
		JdbcTemplate counted = new JdbcTemplate(counting(context.getBean(DataSource.class), executions));
		WeekStates weeks = context.getBean(WeekStates.class);
		TimesheetService oneTrip = service(context, new WeekEntries(JdbcClient.create(counted), counted, weeks));
		TimesheetService threeTrips = service(context,
				new NameMappedWeekEntries(JdbcClient.create(counted), counted, weeks));

		WeekGrid grid = read(oneTrip, staff, week, f.staff.id());
		assertThat(grid.rows()).hasSize(2);
		assertThat(executions.getAndSet(0)).as("entries, marked rows and week state sent together").isEqualTo(1);
		assertThat(read(threeTrips, staff, week, f.staff.id())).isEqualTo(grid);
		// the reads as they were: entries and marked rows here, and the week's state through review's WeekStates
		// (the application's bean, on the uncounted data source): three round trips
		assertThat(executions.getAndSet(0)).as("the reads as they were").isEqualTo(2);

		// a week sent back: the same one execution here, and the manager's comment from review's WeekStates
		f.weekStatus(f.staff.id(), week, "REJECTED", "Too much review");
		assertThat(read(oneTrip, staff, week, f.staff.id()).comment()).isEqualTo("Too much review");
		assertThat(executions.get()).isEqualTo(1);
	}

	/** The data source, counting each statement execution made on its connections. */
	private static DataSource counting(DataSource real, AtomicInteger executions) {
		return proxy(DataSource.class, real, (method, result) -> method.getName().equals("getConnection")
				? proxy(Connection.class, (Connection) result, (m, made) -> made instanceof PreparedStatement ps
						&& m.getName().startsWith("prepare") ? proxy(PreparedStatement.class, ps, (call, answer) -> {
							if (call.getName().startsWith("execute")) {
								executions.incrementAndGet();
							}
							return answer;
						}) : made)
				: result);
	}

	interface After {

		Object apply(java.lang.reflect.Method method, Object result);
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, After after) {
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (self, method, args) -> {
			// a proxy is itself, not its target: otherwise the transaction's resources would find the real data
			// source's connection under it, and nothing would be counted
			if (method.getName().equals("equals") && method.getParameterCount() == 1) {
				return self == args[0];
			}
			if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
				return System.identityHashCode(self);
			}
			Object result;
			try {
				result = method.invoke(target, args);
			}
			catch (InvocationTargetException thrown) {
				throw thrown.getCause();
			}
			return after.apply(method, result);
		});
	}

	private void assertLocksAsAskedCellByCell(WeekGrid grid, CurrentUser person, TimesheetFixture f, LocalDate week,
			String state) {
		TimeEntryService entries = context.getBean(TimeEntryService.class);
		WeekLockRules rules = context.getBean(WeekLockRules.class);
		Actor actor = context.getBean(EntryActors.class).of(person, f.staff.id()).orElseThrow();
		List<Map<String, Object>> stored = f.entries(f.staff.id(), week);
		List<Boolean> seen = new ArrayList<>();
		for (WeekGrid.Row row : grid.rows()) {
			for (int d = 0; d < 7; d++) {
				LocalDate date = week.plusDays(d);
				List<Map<String, Object>> cell = stored.stream()
					.filter(e -> ((Number) e.get("project_id")).longValue() == row.projectId()
							&& ((Number) e.get("activity_id")).longValue() == row.activityId()
							&& date.equals(((java.sql.Date) e.get("entry_date")).toLocalDate()))
					.toList();
				boolean locked = cell.isEmpty()
						? !rules.decide(entries.lockQuestion(actor, EntryType.ACTIVITY, EntryStatus.OPEN, null, state))
							.allowed()
						: cell.stream().anyMatch(e -> !rules.decide(entries.lockQuestion(actor, EntryType.ACTIVITY,
								EntryStatus.valueOf(status(e)), ((Number) e.get("id")).longValue(), state)).allowed());
				assertThat(row.locked().get(d)).as("%s %s on %s", row.projectName(), row.activityName(), date)
					.isEqualTo(locked);
				seen.add(locked);
			}
		}
		// the week holds cells both open to the actor and closed to them, or the comparison proves little
		if ("OPEN".equals(state) && actor == Actor.OWNER) {
			assertThat(seen).contains(true, false);
		}
	}

	private String status(Map<String, Object> entry) {
		return jdbc.sql("select status from time_entry where id = ?").param(entry.get("id")).query(String.class).single();
	}

	private void setStatus(List<Map<String, Object>> stored, long activity, LocalDate date, String status) {
		Object id = stored.stream().filter(e -> ((Number) e.get("activity_id")).longValue() == activity
				&& date.equals(((java.sql.Date) e.get("entry_date")).toLocalDate())).findFirst().orElseThrow().get("id");
		jdbc.sql("update time_entry set status = ? where id = ?").params(status, id).update();
	}

	private WeekGrid read(TimesheetService service, CurrentUser actor, LocalDate week, long owner) {
		TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		tx.setReadOnly(true);
		return tx.execute(s -> service.grid(actor, week, owner));
	}

	/** A grid service on the given reads, with the application's own collaborators. */
	static TimesheetService service(org.springframework.context.ApplicationContext context, WeekEntries reads) {
		return new TimesheetService(reads, context.getBean(TimeEntryService.class), context.getBean(WeekLockRules.class),
				context.getBean(WorkspaceSettings.class), context.getBean(PoBudgetWatch.class),
				context.getBean(EntryActors.class), context.getBean(Bookability.class));
	}
}
