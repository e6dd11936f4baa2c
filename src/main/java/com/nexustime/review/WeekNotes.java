package com.nexustime.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notes of a week under review: each grid row's note (kept by the timesheet) and each day's cell notes (the
 * descriptions of that day's entries), by project and activity, for the manager to read beside the hours.
 */
@Component
class WeekNotes {

	/** The notes of one project × activity line; {@code note} null when the row has none. */
	record Line(String project, String activity, String note, List<DayNote> days) {
	}

	record DayNote(LocalDate date, String text) {
	}

	private final JdbcClient jdbc;

	WeekNotes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Lines with a row note or at least one cell note, by project and activity name; one statement. */
	List<Line> of(long userId, LocalDate weekStart) {
		Map<String, Line> lines = new LinkedHashMap<>();
		jdbc.sql("""
				select p.name as project, a.name as activity, x.entry_date, x.note, x.is_row
				from (select project_id, activity_id, null::date as entry_date, note, true as is_row, 0::bigint as id
				        from timesheet_row_note where user_id = :user and week_start = :from
				      union all
				      select project_id, activity_id, entry_date, trim(description), false, id
				        from time_entry
				       where user_id = :user and type = 'ACTIVITY' and entry_date between :from and :to
				         and nullif(trim(description), '') is not null) x
				join project p on p.id = x.project_id
				join activity a on a.id = x.activity_id
				order by lower(p.name), lower(a.name), x.is_row desc, x.entry_date, x.id""")
			.param("user", userId).param("from", weekStart).param("to", weekStart.plusDays(6))
			.query((rs, n) -> {
				String project = rs.getString("project");
				String activity = rs.getString("activity");
				String key = project + "\u0000" + activity;
				if (rs.getBoolean("is_row")) {
					lines.put(key, new Line(project, activity, rs.getString("note"), new ArrayList<>()));
				}
				else {
					lines.computeIfAbsent(key, k -> new Line(project, activity, null, new ArrayList<>())).days()
						.add(new DayNote(rs.getObject("entry_date", LocalDate.class), rs.getString("note")));
				}
				return null;
			}).list();
		return List.copyOf(lines.values());
	}
}
