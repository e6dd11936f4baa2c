package com.nexustime.timesheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * week-locking rules answer when asked about that cell's entries one by one.
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
