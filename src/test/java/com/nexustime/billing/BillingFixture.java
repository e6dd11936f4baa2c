package com.nexustime.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.nexustime.approval.ApprovalFixture;
import com.nexustime.approval.ClientApprovalService;
import com.nexustime.support.Api;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client of its own with two projects, a design, a management and a fixed-cost activity, a staff member who
 * logs the time, and their manager who bills. Entries go straight to the database; approvals go through the API and
 * the client's signature through the approval service with the token of the link mailed to the client, so entries
 * finalize for real.
 */
final class BillingFixture {

	final String unique = UUID.randomUUID().toString().substring(0, 8);

	final long contact;

	final String contactEmail;

	final long website;

	final long brochure;

	final long design;

	final long management;

	final long printing;

	final TestUsers.TestUser staff;

	final TestUsers.TestUser manager;

	private final JdbcClient jdbc;

	BillingFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
		contactEmail = "billing-" + unique + "@client.example";
		contact = jdbc.sql("insert into contact (name, email, company) values (?, ?, 'Acme') returning id")
			.params("Client " + unique, contactEmail).query(Long.class).single();
		website = project("Website " + unique);
		brochure = project("Brochure " + unique);
		design = activity("Design " + unique, "DESIGN_CREATIVE");
		management = activity("Management " + unique, "MANAGEMENT");
		printing = activity("Printing " + unique, "FIXED_COST");
		staff = TestUsers.create(jdbc, "STAFF");
		manager = TestUsers.create(jdbc, "MANAGER", "STAFF");
		// the manager sends the staff member's time for approval, which a manager may do for their reports only
		jdbc.sql("update app_user set manager_id = ? where id = ?").params(manager.id(), staff.id()).update();
	}

	long project(String name) {
		return jdbc.sql("insert into project (name, contact_id, type) values (?, ?, 'STANDARD') returning id")
			.params(name, contact).query(Long.class).single();
	}

	private long activity(String name, String category) {
		return jdbc.sql("insert into activity (name, category) values (?, ?) returning id").params(name, category)
			.query(Long.class).single();
	}

	/** An OPEN time entry priced like the app does: rate × minutes / 60, two decimals. */
	long entry(long project, long activity, LocalDate date, int minutes, String rate, String description) {
		BigDecimal hourly = new BigDecimal(rate);
		BigDecimal amount = hourly.multiply(BigDecimal.valueOf(minutes)).divide(BigDecimal.valueOf(60), 2,
				RoundingMode.HALF_UP);
		return jdbc.sql("""
				insert into time_entry (type, user_id, project_id, activity_id, entry_date, minutes, rate, amount, description)
				values ('ACTIVITY', ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(staff.id(), project, activity, date, minutes, hourly, amount, description)
			.query(Long.class).single();
	}

	long fixedCost(long project, LocalDate date, String amount, String notes) {
		return jdbc.sql("""
				insert into time_entry (type, user_id, project_id, activity_id, entry_date, amount, notes)
				values ('FIXED_COST', ?, ?, ?, ?, ?, ?) returning id""")
			.params(staff.id(), project, printing, date, new BigDecimal(amount), notes).query(Long.class).single();
	}

	/** What an admin's finalization does to an entry (that feature lives elsewhere): FINALIZED, not invoiced. */
	void finalizeDirectly(long... entries) {
		for (long entry : entries) {
			jdbc.sql("update time_entry set status = 'FINALIZED', finalized_at = now() where id = ?").param(entry).update();
		}
	}

	/** Sends the client's entries in the range for approval as the manager; answers the API's JSON. */
	JsonNode sendForApproval(Api api, LocalDate from, LocalDate to, String grouping) {
		Api.Response created = manager.client(api).post("/api/v1/approvals", Map.of("contactId", String.valueOf(contact),
				"from", from.toString(), "to", to.toString(), "grouping", grouping, "message", "Please approve"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	/** The client signs with the link from the mail they got, as the public page does. */
	static void approve(ApplicationContext context, JsonNode approval) {
		String token = ApprovalFixture.token(ApprovalFixture.mailedLink(context, approval.get("id").asLong()));
		assertThat(context.getBean(ClientApprovalService.class).approve(token, "Dana Client", "198.51.100.7", "Test/1.0"))
			.isTrue();
	}

	JsonNode approvedApproval(Api api, ApplicationContext context, LocalDate from, LocalDate to, String grouping) {
		JsonNode approval = sendForApproval(api, from, to, grouping);
		approve(context, approval);
		return approval;
	}

	String status(long entry) {
		return jdbc.sql("select status from time_entry where id = ?").param(entry).query(String.class).single();
	}

	Map<String, Object> row(long entry) {
		return jdbc.sql("select status, invoice_id, billed_on from time_entry where id = ?").param(entry).query()
			.singleRow();
	}

	List<String> auditActions(String invoiceId) {
		return jdbc.sql("select action from audit_log where entity_type = 'Invoice' and entity_id = ? order by id")
			.param(invoiceId).query(String.class).list();
	}
}
