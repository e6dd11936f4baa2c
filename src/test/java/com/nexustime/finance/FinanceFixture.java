package com.nexustime.finance;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.nexustime.support.Api;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client with activities of every category, a staff member with their manager, and projects priced at
 * 100.00 an hour, all created through the API as an admin would. Each test gets its own.
 */
final class FinanceFixture {

	static final String RATE = "100.00";

	final String unique = UUID.randomUUID().toString().substring(0, 8);

	final Api api;

	final Api.Client admin;

	final JdbcClient jdbc;

	final String contact;

	final String design;

	final String management;

	final String perPiece;

	final String budget;

	final String fixedCost;

	final TestUsers.TestUser manager;

	final TestUsers.TestUser staff;

	FinanceFixture(Api api, Api.Client admin, JdbcClient jdbc) {
		this.api = api;
		this.admin = admin;
		this.jdbc = jdbc;
		contact = id(admin.post("/api/v1/contacts", Map.of("name", "Finance client " + unique, "email", "f@example.com")));
		design = activity("Design", "DESIGN_CREATIVE");
		management = activity("Management", "MANAGEMENT");
		perPiece = activity("Artwork", "PER_PIECE");
		budget = activity("Budget work", "BUDGET");
		fixedCost = activity("Vendor services", "FIXED_COST");
		manager = TestUsers.create(jdbc, "MANAGER", "STAFF");
		staff = TestUsers.create(jdbc, "STAFF");
		jdbc.sql("update app_user set manager_id = ? where id = ?").params(manager.id(), staff.id()).update();
	}

	/** A new ACTIVE project of this client with a project rate of {@link #RATE}. */
	String project(String type, String billingMode) {
		String project = id(admin.post("/api/v1/projects", Map.of("name", type + " " + billingMode + " " + unique
				+ " " + UUID.randomUUID().toString().substring(0, 4), "contactId", contact, "type", type,
				"billingMode", billingMode)));
		Api.Response rate = admin.post("/api/v1/rates", Map.of("scope", "PROJECT", "projectId", project,
				"hourlyRate", RATE));
		assertThat(rate.status()).as(rate.toString()).isEqualTo(201);
		return project;
	}

	String purchaseOrder(String project, String number, String amount, String invoiceGroup) {
		return id(admin.post("/api/v1/projects/" + project + "/purchase-orders",
				Map.of("number", number, "amount", amount, "invoiceGroup", invoiceGroup)));
	}

	/** Hours of the staff member on an activity, billable. */
	String time(String project, String activity, LocalDate date, int hours) {
		return time(project, activity, date, hours, Map.of());
	}

	String time(String project, String activity, LocalDate date, int hours, Map<String, Object> extra) {
		Map<String, Object> body = new HashMap<>(Map.of("type", "ACTIVITY", "projectId", project, "activityId",
				activity, "date", date.toString(), "minutes", hours * 60));
		body.putAll(extra);
		return id(staff.client(api).post("/api/v1/time-entries", body));
	}

	String fixedCost(String project, LocalDate date, String amount) {
		return id(admin.post("/api/v1/time-entries", Map.of("type", "FIXED_COST", "projectId", project,
				"activityId", fixedCost, "date", date.toString(), "amount", amount, "userId", String.valueOf(staff.id()),
				"notes", "Vendor invoice " + unique)));
	}

	String adjustment(String project, LocalDate date, String amount) {
		return id(admin.post("/api/v1/time-entries", Map.of("type", "ADJUSTMENT", "projectId", project,
				"date", date.toString(), "amount", amount, "notes", "Agreed with the client")));
	}

	JsonNode finalizeThrough(String project, LocalDate through) {
		Api.Response done = admin.post("/api/v1/projects/" + project + "/finalize", Map.of("through", through.toString()));
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		return done.json();
	}

	/**
	 * Bills exactly these finalized entries through {@code POST /invoices/from-time}: the client's range from the
	 * first to the last of their dates, which must hold no other finalized entry of this client.
	 */
	JsonNode bill(List<String> entryIds) {
		List<Long> ids = entryIds.stream().map(Long::valueOf).toList();
		Map<String, Object> range = jdbc.sql("select min(entry_date) first, max(entry_date) last from time_entry where id in (:ids)")
			.param("ids", ids).query().singleRow();
		Api.Response invoice = admin.post("/api/v1/invoices/from-time", Map.of("contactId", contact,
				"from", range.get("first").toString(), "to", range.get("last").toString()));
		assertThat(invoice.status()).as(invoice.toString()).isEqualTo(201);
		assertThat(invoice.json().get("entryIds")).extracting(JsonNode::asText)
			.as("the invoice covers exactly the entries to bill").containsExactlyInAnyOrderElementsOf(entryIds);
		return invoice.json();
	}

	JsonNode summary(String project) {
		Api.Response summary = admin.get("/api/v1/projects/" + project + "/summary");
		assertThat(summary.status()).as(summary.toString()).isEqualTo(200);
		return summary.json();
	}

	void status(String project, String status) {
		Api.Response changed = admin.patch("/api/v1/projects/" + project, Map.of("status", status));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
	}

	String statusOf(String entryId) {
		return jdbc.sql("select status from time_entry where id = ?").param(Long.valueOf(entryId)).query(String.class)
			.single();
	}

	private String activity(String name, String category) {
		return id(admin.post("/api/v1/activities", Map.of("name", name + " " + unique, "category", category,
				"billable", true)));
	}

	static String id(Api.Response created) {
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asText();
	}
}
