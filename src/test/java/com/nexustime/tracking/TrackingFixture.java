package com.nexustime.tracking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.nexustime.support.TestUsers;

/** A client, projects and activities of its own for each tracking test, written straight to the database. */
final class TrackingFixture {

	final String unique = UUID.randomUUID().toString().substring(0, 8);

	final long contact;

	final long project;

	final long electronicProject;

	final long design;

	final long management;

	final TestUsers.TestUser manager;

	final TestUsers.TestUser staff;

	private final JdbcClient jdbc;

	TrackingFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
		contact = id("insert into contact (name, email) values (?, 'c@example.com') returning id", "Client " + unique);
		project = project("STANDARD");
		electronicProject = project("ELECTRONIC");
		design = id("insert into activity (name, category) values (?, 'DESIGN_CREATIVE') returning id", "Design " + unique);
		management = id("insert into activity (name, category) values (?, 'MANAGEMENT') returning id",
				"Management " + unique);
		manager = TestUsers.create(jdbc, "MANAGER", "STAFF");
		staff = TestUsers.create(jdbc, "STAFF");
		jdbc.sql("update app_user set manager_id = ? where id = ?").params(manager.id(), staff.id()).update();
	}

	long project(String type) {
		return jdbc.sql("insert into project (name, contact_id, type) values (?, ?, ?) returning id")
			.params(type + " " + unique, contact, type).query(Long.class).single();
	}

	void projectRate(long projectId, String rate, LocalDate from) {
		jdbc.sql("insert into rate (scope, project_id, hourly_rate, effective_from) values ('PROJECT', ?, ?, ?)")
			.params(projectId, new BigDecimal(rate), from).update();
	}

	void weekStatus(long userId, LocalDate weekStart, String status) {
		jdbc.sql("""
				insert into timesheet_week (user_id, week_start, status) values (?, ?, ?)
				on conflict (user_id, week_start) do update set status = excluded.status""")
			.params(userId, weekStart, status).update();
	}

	private long id(String sql, Object param) {
		return jdbc.sql(sql).param(param).query(Long.class).single();
	}
}
