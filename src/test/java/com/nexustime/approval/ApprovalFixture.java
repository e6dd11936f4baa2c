package com.nexustime.approval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.nexustime.support.TestUsers;

/** A client with two projects, two activities and a staff member of its own, entries written straight to the database. */
final class ApprovalFixture {

	static final LocalDate MONDAY = LocalDate.of(2021, 3, 1);

	final String unique = UUID.randomUUID().toString().substring(0, 8);

	final long contact;

	final long website;

	final long brochure;

	final long design;

	final long management;

	final TestUsers.TestUser staff;

	private final JdbcClient jdbc;

	ApprovalFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
		contact = jdbc.sql("insert into contact (name, email, company) values (?, 'buyer@example.com', 'Acme') returning id")
			.param("Client " + unique).query(Long.class).single();
		website = project("Website " + unique);
		brochure = project("Brochure " + unique);
		design = jdbc.sql("insert into activity (name, category) values (?, 'DESIGN_CREATIVE') returning id")
			.param("Design " + unique).query(Long.class).single();
		management = jdbc.sql("insert into activity (name, category) values (?, 'MANAGEMENT') returning id")
			.param("Management " + unique).query(Long.class).single();
		staff = TestUsers.create(jdbc, "STAFF");
	}

	private long project(String name) {
		return jdbc.sql("insert into project (name, contact_id, type) values (?, ?, 'STANDARD') returning id")
			.params(name, contact).query(Long.class).single();
	}

	long entry(long project, long activity, LocalDate date, int minutes, String rate, String description) {
		BigDecimal hourly = new BigDecimal(rate);
		BigDecimal amount = hourly.multiply(BigDecimal.valueOf(minutes)).divide(BigDecimal.valueOf(60), 2,
				java.math.RoundingMode.HALF_UP);
		return jdbc.sql("""
				insert into time_entry (type, user_id, project_id, activity_id, entry_date, minutes, rate, amount, description)
				values ('ACTIVITY', ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(staff.id(), project, activity, date, minutes, hourly, amount, description)
			.query(Long.class).single();
	}

	String status(long entry) {
		return jdbc.sql("select status from time_entry where id = ?").param(entry).query(String.class).single();
	}

	Map<String, Object> request(LocalDate from, LocalDate to, String grouping) {
		return Map.of("contactId", String.valueOf(contact), "from", from.toString(), "to", to.toString(),
				"grouping", grouping, "message", "Please approve March");
	}

	/**
	 * Until the real client-approval diagram is deployed from processes/, a minimal one that waits for the same
	 * messages lets the service start and correlate as it will in production.
	 */
	static synchronized void ensureProcess(RepositoryService repository) {
		if (repository.createProcessDefinitionQuery().processDefinitionKey(ClientApprovalService.PROCESS).count() > 0) {
			return;
		}
		BpmnModelInstance model = Bpmn.createExecutableProcess(ClientApprovalService.PROCESS)
			.camundaHistoryTimeToLive(180)
			.startEvent("sent")
			.receiveTask("waitForClient").message(ClientApprovalService.DECIDED_MESSAGE)
			.boundaryEvent("cancelled").message(ClientApprovalService.CANCELLED_MESSAGE)
			.endEvent("linkDied")
			.moveToActivity("waitForClient")
			.endEvent("decided")
			.done();
		repository.createDeployment().name("client-approval (test stand-in)")
			.addModelInstance("client-approval-test.bpmn", model).deploy();
	}
}
