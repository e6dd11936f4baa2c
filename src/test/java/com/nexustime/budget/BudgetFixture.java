package com.nexustime.budget;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.nexustime.support.TestUsers;

/** A client's project with a purchase order, its manager, two staff and activities, straight in the database. */
final class BudgetFixture {

	final String unique = UUID.randomUUID().toString().substring(0, 8);

	final long contact;

	final long project;

	final long purchaseOrder;

	final String poNumber = "PO-" + unique;

	final String invoiceGroup = "Design " + unique;

	final long fixedCost;

	final long design;

	final TestUsers.TestUser manager;

	final TestUsers.TestUser staff;

	final TestUsers.TestUser otherStaff;

	private final JdbcClient jdbc;

	BudgetFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
		manager = TestUsers.create(jdbc, "MANAGER", "STAFF");
		staff = TestUsers.create(jdbc, "STAFF");
		otherStaff = TestUsers.create(jdbc, "STAFF");
		contact = jdbc.sql("insert into contact (name, email) values (?, 'c@example.com') returning id")
			.param("Client " + unique).query(Long.class).single();
		project = project("Packaging " + unique);
		purchaseOrder = purchaseOrder(project, poNumber, invoiceGroup, "10000.00");
		fixedCost = jdbc.sql("insert into activity (name, category) values (?, 'FIXED_COST') returning id")
			.param("Printing " + unique).query(Long.class).single();
		design = jdbc.sql("insert into activity (name, category) values (?, 'DESIGN_CREATIVE') returning id")
			.param("Design " + unique).query(Long.class).single();
	}

	long project(String name) {
		return jdbc.sql("insert into project (name, contact_id, type, manager_id) values (?, ?, 'STANDARD', ?) "
				+ "returning id")
			.params(name, contact, manager.id()).query(Long.class).single();
	}

	long purchaseOrder(long projectId, String number, String group, String amount) {
		return jdbc.sql("insert into purchase_order (project_id, number, amount, invoice_group) values (?, ?, ?, ?) "
				+ "returning id")
			.params(projectId, number, new BigDecimal(amount), group).query(Long.class).single();
	}

	void projectRate(long projectId, String rate) {
		jdbc.sql("insert into rate (scope, project_id, hourly_rate, effective_from) "
				+ "values ('PROJECT', ?, ?, '1970-01-01')")
			.params(projectId, new BigDecimal(rate)).update();
	}

	long alerts(long projectId) {
		return jdbc.sql("select count(*) from po_alert where project_id = ?").param(projectId).query(Long.class).single();
	}
}
