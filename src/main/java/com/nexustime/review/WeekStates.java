package com.nexustime.review;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.nexustime.tracking.ReviewedWeeks;

/**
 * Review's read API for the state of a week: what tracking, the timesheet and finance ask instead of reading
 * {@code timesheet_week}. Depends on nothing but the database, so any service may use it without a cycle.
 */
@Component
public class WeekStates implements ReviewedWeeks {

	private final JdbcClient jdbc;

	WeekStates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<String> status(long userId, LocalDate weekStart) {
		return jdbc.sql("select status from timesheet_week where user_id = ? and week_start = ?")
			.params(userId, weekStart).query(String.class).optional();
	}

	@Override
	public String statusSubquery(String userIdParameter, String weekStartParameter) {
		return "(select status from timesheet_week where user_id = :" + userIdParameter + " and week_start = :"
				+ weekStartParameter + ")";
	}

	/** The week's stored state with the manager's comment; empty when it was never submitted. */
	public Optional<WeekStatus> find(long userId, LocalDate weekStart) {
		return jdbc.sql("""
				select user_id, week_start, status, process_instance_id, comment, decided_by
				from timesheet_week where user_id = ? and week_start = ?""")
			.params(userId, weekStart).query(WeekStatus.class).optional();
	}
}
