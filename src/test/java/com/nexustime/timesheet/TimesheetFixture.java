package com.nexustime.timesheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.nexustime.support.TestUsers;

/** A client, projects, activities and a staff member with a manager of their own, for each grid test. */
final class TimesheetFixture {

	final String unique = UUID.randomUUID().toString().substring(0, 8);

	final long project;

	final long electronicProject;

	final long design;

	final long review;

	final long management;

	final TestUsers.TestUser manager;

	final TestUsers.TestUser staff;

	private final JdbcClient jdbc;

	TimesheetFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
		long contact = id("insert into contact (name, email) values (?, 'c@example.com') returning id",
				"Grid client " + unique);
		project = jdbc.sql("insert into project (name, contact_id, type) values (?, ?, 'STANDARD') returning id")
			.params("Grid project " + unique, contact).query(Long.class).single();
		electronicProject = jdbc
			.sql("insert into project (name, contact_id, type) values (?, ?, 'ELECTRONIC') returning id")
			.params("Grid electronic " + unique, contact).query(Long.class).single();
		design = id("insert into activity (name, category) values (?, 'DESIGN_CREATIVE') returning id",
				"Design " + unique);
		review = id("insert into activity (name, category) values (?, 'DESIGN_CREATIVE') returning id",
				"Review " + unique);
		management = id("insert into activity (name, category) values (?, 'MANAGEMENT') returning id",
				"Management " + unique);
		manager = TestUsers.create(jdbc, "MANAGER", "STAFF");
		staff = TestUsers.create(jdbc, "STAFF");
		jdbc.sql("update app_user set manager_id = ? where id = ?").params(manager.id(), staff.id()).update();
		jdbc.sql("insert into rate (scope, project_id, hourly_rate, effective_from) values ('PROJECT', ?, ?, ?)")
			.params(project, new BigDecimal("100.00"), LocalDate.of(2020, 1, 1)).update();
	}

	void weekStatus(long userId, LocalDate weekStart, String status, String comment) {
		jdbc.sql("""
				insert into timesheet_week (user_id, week_start, status, comment) values (?, ?, ?, ?)
				on conflict (user_id, week_start) do update set status = excluded.status, comment = excluded.comment""")
			.params(userId, weekStart, status, comment).update();
	}

	/** The user's activity entries of the week as (project, activity, date, minutes) rows, oldest first. */
	List<Map<String, Object>> entries(long userId, LocalDate weekStart) {
		return jdbc.sql("""
				select id, project_id, activity_id, entry_date, minutes, rate, amount, version from time_entry
				where user_id = ? and entry_date between ? and ? and type = 'ACTIVITY' order by id""")
			.params(userId, weekStart, weekStart.plusDays(6)).query().listOfRows();
	}

	static Map<String, Object> row(long projectId, long activityId, String... hours) {
		return Map.of("projectId", projectId, "activityId", activityId, "hours", List.of(hours));
	}

	private long id(String sql, Object param) {
		return jdbc.sql(sql).param(param).query(Long.class).single();
	}
}
