package com.nexustime.finance;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.catalog.ProjectService;
import com.nexustime.review.WeekStates;
import com.nexustime.rules.Actor;
import com.nexustime.rules.LockQuestion;
import com.nexustime.rules.WeekLockRules;
import com.nexustime.system.security.CurrentUser;
import com.nexustime.tracking.EntryActors;
import com.nexustime.tracking.EntryStatus;
import com.nexustime.tracking.EntryType;
import com.nexustime.tracking.TimeEntryService;
import com.nexustime.workspace.Workspace;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * A project's timesheet list, by tab. Time is shown as the weekly grid holds it, one row per person, activity
 * and week (which is also where it is edited); fixed costs and adjustments one row per entry. Whether the
 * viewer may edit a row is asked of the week-locking rules with the question tracking builds for the API
 * ({@link TimeEntryService#lockQuestion}, client approvals holding the entry included), so the tab never offers
 * an edit the API refuses.
 */
@Service
@Transactional(readOnly = true)
public class ProjectTimesheet {

	/** The most rows one tab shows. */
	public static final int LIMIT = 500;

	private final JdbcClient jdbc;

	private final ProjectService projects;

	private final WorkspaceSettings workspace;

	private final WeekLockRules lockRules;

	private final WeekStates weeks;

	private final TimeEntryService entries;

	ProjectTimesheet(JdbcClient jdbc, ProjectService projects, WorkspaceSettings workspace, WeekLockRules lockRules,
			WeekStates weeks, TimeEntryService entries) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.workspace = workspace;
		this.lockRules = lockRules;
		this.weeks = weeks;
		this.entries = entries;
	}

	/**
	 * One row of the list. {@code entryId} is set for a single fixed cost or adjustment; {@code editUrl} is where
	 * the viewer edits the row, or null when the rules do not let them.
	 */
	public record Row(String type, Long entryId, Long userId, String employee, String activity, LocalDate week,
			BigDecimal hours, BigDecimal dollars, List<String> statuses, String notes, int entries, String editUrl) {

		public String status() {
			return String.join(" / ", statuses);
		}
	}

	public record Listing(TimesheetTab tab, List<Row> rows, boolean truncated) {
	}

	/*
	 * Time groups by person, activity and week; a money entry is its own group (the CASE gives each its id).
	 * The week starts on the workspace's first day: :firstDay is its ISO number (1 Monday, 7 Sunday).
	 */
	private static final String LIST = """
			with rows as (
			  select e.*, e.entry_date - mod(extract(isodow from e.entry_date)::int - :firstDay + 7, 7) as week,
			         a.name activity_name
			    from time_entry e
			    left join activity a on a.id = e.activity_id
			   where e.project_id = :project and (%s)
			)
			select r.type, r.user_id, u.name employee, u.manager_id, r.activity_name, r.week,
			       case when r.type = 'ACTIVITY' then null else min(r.id) end entry_id,
			       sum(r.minutes) minutes, sum(r.amount) dollars, count(*) entries,
			       array_agg(distinct r.status) statuses,
			       array_agg(r.id order by r.id) entry_ids, array_agg(r.status order by r.id) entry_statuses,
			       string_agg(distinct coalesce(r.description, r.notes), '; ') notes
			  from rows r
			  join app_user u on u.id = r.user_id
			 group by r.type, r.user_id, u.name, u.manager_id, r.activity_id, r.activity_name, r.week,
			          case when r.type = 'ACTIVITY' then 0 else r.id end
			 order by r.week desc, u.name, r.activity_name, entry_id
			 limit :limit""";

	private static final List<String> STATUS_ORDER = List.of("OPEN", "IN_PROCESS", "FINALIZED", "BILLED");

	public Listing list(long projectId, TimesheetTab tab, CurrentUser viewer) {
		projects.get(projectId);
		Workspace settings = workspace.current();
		DayOfWeek firstDay = settings.weekStart().day();
		Map<LockQuestion, Boolean> decided = new HashMap<>();
		// the week states come from review, which owns them: one question per person-week listed
		Map<String, String> weekStates = new HashMap<>();
		List<Row> rows = jdbc.sql(LIST.formatted(tab.condition))
			.param("project", projectId)
			.param("firstDay", firstDay.getValue())
			.param("limit", LIMIT + 1)
			.query((rs, n) -> row(rs, projectId, viewer, decided, weekStates))
			.list();
		boolean truncated = rows.size() > LIMIT;
		return new Listing(tab, truncated ? rows.subList(0, LIMIT) : rows, truncated);
	}

	private Row row(ResultSet rs, long projectId, CurrentUser viewer, Map<LockQuestion, Boolean> decided,
			Map<String, String> weekStates) throws SQLException {
		String type = rs.getString("type");
		long owner = rs.getLong("user_id");
		Long managerId = (Long) rs.getObject("manager_id");
		LocalDate week = rs.getObject("week", LocalDate.class);
		Long minutes = (Long) rs.getObject("minutes");
		Long entryId = (Long) rs.getObject("entry_id");
		List<String> statuses = statuses(rs.getArray("statuses"));
		// the stored state as it is: what a REJECTED week means is the week-locking rules' decision
		String weekState = weekStates.computeIfAbsent(owner + "/" + week,
				k -> weeks.status(owner, week).orElse("OPEN"));
		Actor actor = relation(viewer, owner, managerId);
		boolean editable = actor != null && anyChangeable(actor, EntryType.valueOf(type),
				(Long[]) rs.getArray("entry_ids").getArray(), (String[]) rs.getArray("entry_statuses").getArray(),
				weekState, decided);
		String editUrl = null;
		if (editable) {
			editUrl = "ACTIVITY".equals(type)
					? "/timesheet?week=" + week + (owner == viewer.id() ? "" : "&userId=" + owner)
					: "/projects/" + projectId + "/time/entries/" + entryId;
		}
		return new Row(type, entryId, owner, rs.getString("employee"), rs.getString("activity_name"), week,
				minutes == null ? null : ProjectFinances.hours(minutes),
				ProjectFinances.money(rs.getBigDecimal("dollars")), statuses, rs.getString("notes"),
				rs.getInt("entries"), editUrl);
	}

	/**
	 * Whether the rules let {@code actor} change at least one of a row's entries. Each entry is asked the API's
	 * question for it (the client approval holding it looked up where its status allows one); open entries are
	 * asked first, which need no look-up, and the first one allowed answers for the row.
	 */
	private boolean anyChangeable(Actor actor, EntryType type, Long[] ids, String[] statuses, String weekState,
			Map<LockQuestion, Boolean> decided) {
		Integer[] order = new Integer[ids.length];
		for (int i = 0; i < ids.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> STATUS_ORDER.indexOf(statuses[a]) - STATUS_ORDER.indexOf(statuses[b]));
		for (int i : order) {
			LockQuestion question = entries.lockQuestion(actor, type, EntryStatus.valueOf(statuses[i]), ids[i],
					weekState);
			if (decided.computeIfAbsent(question, q -> lockRules.decide(q).allowed())) {
				return true;
			}
		}
		return false;
	}

	/** The viewer's relation to an entry's owner as the lock rules know it; null for no relation (auditors). */
	static Actor relation(CurrentUser viewer, long owner, Long ownersManager) {
		return EntryActors.of(viewer, owner, ownersManager).orElse(null);
	}

	private static List<String> statuses(Array array) throws SQLException {
		String[] values = (String[]) array.getArray();
		return Arrays.stream(values).sorted((a, b) -> STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b)).toList();
	}
}
