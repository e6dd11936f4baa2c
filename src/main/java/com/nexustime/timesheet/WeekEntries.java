package com.nexustime.timesheet;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.nexustime.review.WeekStates;

/**
 * What the weekly grid reads: one user's activity entries of a week with their project and activity names
 * (one statement, on {@code time_entry_user_date_idx}), the rows pinned to the week, and the week's status
 * (from review, which owns it).
 */
@Repository
class WeekEntries {

	/** One stored entry as a grid cell sees it. */
	record Cell(long id, long projectId, String projectName, long activityId, String activityName, LocalDate date,
			int minutes, String status, int version, String description, Long artworkId, String artworkName) {
	}


	/**
	 * A project × activity line, with names for display; on per-piece work also the artwork it is for
	 * ({@code artworkId} and its number as {@code artworkName}, both null for a line on no artwork).
	 */
	record Line(long projectId, String projectName, long activityId, String activityName, Long artworkId,
			String artworkName) {

		Line(long projectId, String projectName, long activityId, String activityName) {
			this(projectId, projectName, activityId, activityName, null, null);
		}
	}

	record WeekStatus(String status, String comment) {
	}

	private final JdbcClient jdbc;

	private final WeekStates weeks;

	WeekEntries(JdbcClient jdbc, WeekStates weeks) {
		this.jdbc = jdbc;
		this.weeks = weeks;
	}

	/** The user's ACTIVITY entries from {@code weekStart} for seven days, oldest first. */
	List<Cell> cells(long userId, LocalDate weekStart) {
		return jdbc.sql("""
				select e.id, e.project_id, p.name as project_name, e.activity_id, a.name as activity_name,
				       e.entry_date as date, e.minutes, e.status, e.version,
				       e.description, e.artwork_id, w.name as artwork_name
				from time_entry e
				join project p on p.id = e.project_id
				join activity a on a.id = e.activity_id
				left join artwork w on w.id = e.artwork_id
				where e.user_id = ? and e.entry_date between ? and ? and e.type = 'ACTIVITY'
				order by e.id""")
			.params(userId, weekStart, weekStart.plusDays(6)).query(Cell.class).list();
	}

	/**
	 * A line pinned to the week ({@code pinned}), or holding a note, or both; {@code note} null when it has none.
	 * A row note belongs to the project × activity: every pinned artwork line of the pair comes with it.
	 */
	record MarkedLine(long projectId, String projectName, long activityId, String activityName, Long artworkId,
			String artworkName, boolean pinned, String note) {

		Line line() {
			return new Line(projectId, projectName, activityId, activityName, artworkId, artworkName);
		}
	}

	/** The lines pinned to the week and the lines with a row note, in one statement. */
	List<MarkedLine> marked(long userId, LocalDate weekStart) {
		return jdbc.sql("""
				select m.project_id, p.name as project_name, m.activity_id, a.name as activity_name, m.artwork_id,
				       w.name as artwork_name, m.pinned, m.note
				from (select coalesce(r.project_id, n.project_id) as project_id,
				             coalesce(r.activity_id, n.activity_id) as activity_id, r.artwork_id,
				             r.user_id is not null as pinned, n.note
				      from (select * from timesheet_row where user_id = :user and week_start = :week) r
				      full join (select * from timesheet_row_note where user_id = :user and week_start = :week) n
				        on n.project_id = r.project_id and n.activity_id = r.activity_id) m
				join project p on p.id = m.project_id
				join activity a on a.id = m.activity_id
				left join artwork w on w.id = m.artwork_id""")
			.param("user", userId).param("week", weekStart).query(MarkedLine.class).list();
	}

	/**
	 * The project × activity (× artwork) lines of a week, with entries or pinned, for copying to the next week: an
	 * artwork completed since is left out (its work is done and billed as a whole).
	 */
	List<Line> lines(long userId, LocalDate weekStart) {
		return jdbc.sql("""
				select distinct l.project_id, p.name as project_name, l.activity_id, a.name as activity_name,
				       l.artwork_id, w.name as artwork_name
				from (select project_id, activity_id, artwork_id from time_entry
				      where user_id = :user and entry_date between :from and :to and type = 'ACTIVITY'
				      union
				      select project_id, activity_id, artwork_id from timesheet_row
				      where user_id = :user and week_start = :from) l
				join project p on p.id = l.project_id
				join activity a on a.id = l.activity_id
				left join artwork w on w.id = l.artwork_id
				where w.completed_on is null""")
			.param("user", userId).param("from", weekStart).param("to", weekStart.plusDays(6))
			.query(Line.class).list();
	}

	/** Pins the line (on {@code artworkId}, or on no artwork when null) to the week; false when it already was. */
	boolean pin(long userId, LocalDate weekStart, long projectId, long activityId, Long artworkId) {
		return jdbc.sql("""
				insert into timesheet_row (user_id, week_start, project_id, activity_id, artwork_id)
				values (?, ?, ?, ?, ?) on conflict do nothing""")
			.params(userId, weekStart, projectId, activityId, artworkId).update() == 1;
	}

	void unpin(long userId, LocalDate weekStart, long projectId, long activityId, Long artworkId) {
		jdbc.sql("""
				delete from timesheet_row where user_id = ? and week_start = ? and project_id = ? and activity_id = ?
				and artwork_id is not distinct from ?""")
			.params(userId, weekStart, projectId, activityId, artworkId).update();
	}

	/** Sets the row's note; an empty note removes it. */
	void saveRowNote(long userId, LocalDate weekStart, long projectId, long activityId, String note) {
		if (note.isEmpty()) {
			jdbc.sql("""
					delete from timesheet_row_note
					where user_id = ? and week_start = ? and project_id = ? and activity_id = ?""")
				.params(userId, weekStart, projectId, activityId).update();
			return;
		}
		jdbc.sql("""
				insert into timesheet_row_note (user_id, week_start, project_id, activity_id, note) values (?, ?, ?, ?, ?)
				on conflict (user_id, week_start, project_id, activity_id)
				do update set note = excluded.note, updated_at = now()""")
			.params(userId, weekStart, projectId, activityId, note).update();
	}

	/** The person's favourite project × activity pairs, by project and activity name. */
	List<Line> favourites(long userId) {
		return jdbc.sql("""
				select f.project_id, p.name as project_name, f.activity_id, a.name as activity_name,
				       null::bigint as artwork_id, null::text as artwork_name
				from timesheet_favourite f
				join project p on p.id = f.project_id
				join activity a on a.id = f.activity_id
				where f.user_id = ?
				order by lower(p.name), lower(a.name), f.project_id, f.activity_id""")
			.param(userId).query(Line.class).list();
	}

	boolean addFavourite(long userId, long projectId, long activityId) {
		return jdbc.sql("""
				insert into timesheet_favourite (user_id, project_id, activity_id) values (?, ?, ?)
				on conflict do nothing""")
			.params(userId, projectId, activityId).update() == 1;
	}

	boolean removeFavourite(long userId, long projectId, long activityId) {
		return jdbc.sql("delete from timesheet_favourite where user_id = ? and project_id = ? and activity_id = ?")
			.params(userId, projectId, activityId).update() == 1;
	}

	Optional<WeekStatus> status(long userId, LocalDate weekStart) {
		return weeks.find(userId, weekStart).map(w -> new WeekStatus(w.status(), w.comment()));
	}

	boolean userExists(long userId) {
		return jdbc.sql("select count(*) from app_user where id = ?").param(userId).query(Long.class).single() > 0;
	}

	boolean isManagerOf(long managerId, long userId) {
		return jdbc.sql("select count(*) from app_user where id = ? and manager_id = ?").params(userId, managerId)
			.query(Long.class).single() > 0;
	}
}
