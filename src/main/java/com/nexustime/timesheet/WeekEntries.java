package com.nexustime.timesheet;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.nexustime.review.WeekStates;

/**
 * What the weekly grid reads: one user's activity entries of a week with their project and activity names
 * (on {@code time_entry_user_date_idx}), the rows pinned to the week, and the week's status (from review, which
 * owns it) — for the grid as a whole in one round trip ({@link #week}). Rows are mapped by column position: the
 * name-matching mappers looked each camel-case name up first and paid for a thrown-and-caught driver exception
 * per column and row (150 entries: about a thousand per grid).
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

	/** The week as the grid reads it: its entries, its marked lines, and its stored state (null: never submitted). */
	record Week(List<Cell> cells, List<MarkedLine> marked, String status) {
	}

	private static final String CELLS = """
			select e.id, e.project_id, p.name as project_name, e.activity_id, a.name as activity_name,
			       e.entry_date as date, e.minutes, e.status, e.version,
			       e.description, e.artwork_id, w.name as artwork_name
			from time_entry e
			join project p on p.id = e.project_id
			join activity a on a.id = e.activity_id
			left join artwork w on w.id = e.artwork_id
			where e.user_id = :user and e.entry_date between :week and :last and e.type = 'ACTIVITY'
			order by e.id""";

	private static final String MARKED = """
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
			left join artwork w on w.id = m.artwork_id""";

	static final RowMapper<Cell> CELL = (rs, row) -> new Cell(rs.getLong(1), rs.getLong(2), rs.getString(3),
			rs.getLong(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getInt(7), rs.getString(8),
			rs.getInt(9), rs.getString(10), rs.getObject(11, Long.class), rs.getString(12));

	static final RowMapper<MarkedLine> MARKED_LINE = (rs, row) -> new MarkedLine(rs.getLong(1), rs.getString(2),
			rs.getLong(3), rs.getString(4), rs.getObject(5, Long.class), rs.getString(6), rs.getBoolean(7),
			rs.getString(8));

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate statements;

	private final WeekStates weeks;

	WeekEntries(JdbcClient jdbc, JdbcTemplate template, WeekStates weeks) {
		this.jdbc = jdbc;
		this.statements = new NamedParameterJdbcTemplate(template);
		this.weeks = weeks;
	}

	/**
	 * The entries, the marked lines and the stored state of the week, three statements sent together (one round
	 * trip, as pgjdbc sends a multi-statement query with one sync); each answers what {@link #cells},
	 * {@link #marked} and {@link #status} answer.
	 */
	Week week(long userId, LocalDate weekStart) {
		MapSqlParameterSource params = params(userId, weekStart);
		String sql = CELLS + ";\n" + MARKED + ";\nselect " + weeks.statusSubquery("user", "week") + " as week_status";
		return statements.execute(sql, params, (PreparedStatement ps) -> {
			ps.execute();
			List<Cell> cells = rows(ps.getResultSet(), CELL);
			next(ps);
			List<MarkedLine> marked = rows(ps.getResultSet(), MARKED_LINE);
			next(ps);
			String status;
			try (ResultSet rs = ps.getResultSet()) {
				rs.next();
				status = rs.getString(1);
			}
			return new Week(cells, marked, status);
		});
	}

	/** The user's ACTIVITY entries from {@code weekStart} for seven days, oldest first. */
	List<Cell> cells(long userId, LocalDate weekStart) {
		return statements.query(CELLS, params(userId, weekStart), CELL);
	}

	private static MapSqlParameterSource params(long userId, LocalDate weekStart) {
		return new MapSqlParameterSource().addValue("user", userId).addValue("week", weekStart, Types.DATE)
			.addValue("last", weekStart.plusDays(6), Types.DATE);
	}

	private static <T> List<T> rows(ResultSet rs, RowMapper<T> mapper) throws SQLException {
		List<T> rows = new ArrayList<>();
		try (rs) {
			while (rs.next()) {
				rows.add(mapper.mapRow(rs, rows.size()));
			}
		}
		return rows;
	}

	private static void next(PreparedStatement ps) throws SQLException {
		if (!ps.getMoreResults()) {
			throw new DataRetrievalFailureException("a statement sent with the grid's read answered nothing");
		}
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
		return statements.query(MARKED, params(userId, weekStart), MARKED_LINE);
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
