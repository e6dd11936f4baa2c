package com.nexustime.timesheet;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.nexustime.review.WeekStates;

/**
 * The grid's reads as they were before they shared a round trip: the entries, the marked lines and the week's
 * state as three statements, each row mapped by name ({@code query(Cell.class)}). The agreement test holds the
 * new read to what this one answers; {@code GridBench} times the two against each other.
 */
class NameMappedWeekEntries extends WeekEntries {

	private final JdbcClient jdbc;

	private final WeekStates weeks;

	NameMappedWeekEntries(JdbcClient jdbc, JdbcTemplate template, WeekStates weeks) {
		super(jdbc, template, weeks);
		this.jdbc = jdbc;
		this.weeks = weeks;
	}

	@Override
	Week week(long userId, LocalDate weekStart) {
		List<Cell> cells = cells(userId, weekStart);
		List<MarkedLine> marked = marked(userId, weekStart);
		return new Week(cells, marked, weeks.find(userId, weekStart).map(w -> w.status()).orElse(null));
	}

	@Override
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

	@Override
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
}
