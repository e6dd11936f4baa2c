package com.nexustime.review;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.nexustime.support.TestUsers;

/** A staff member with their manager, and a client's project and design activity to book the week on. */
final class ReviewFixture {

	final TestUsers.TestUser manager;

	final TestUsers.TestUser staff;

	final long project;

	final long activity;

	ReviewFixture(JdbcClient jdbc, String label) {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		manager = TestUsers.create(jdbc, "MANAGER", "STAFF");
		staff = TestUsers.create(jdbc, "STAFF");
		jdbc.sql("update app_user set manager_id = ? where id = ?").params(manager.id(), staff.id()).update();
		long contact = jdbc.sql("insert into contact (name, email) values (?, 'review@example.com') returning id")
			.param(label + " client " + unique).query(Long.class).single();
		project = jdbc.sql("insert into project (name, contact_id, type) values (?, ?, 'STANDARD') returning id")
			.params(label + " project " + unique, contact).query(Long.class).single();
		activity = jdbc.sql("insert into activity (name, category) values (?, 'DESIGN_CREATIVE') returning id")
			.param(label + " design " + unique).query(Long.class).single();
	}
}
