package com.nexustime.dashboard;

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
 * A client with a design activity at 100.00 an hour, a manager with two people, and helpers that book, finalize
 * and bill through the API as people do. Each test gets its own.
 */
final class DashboardFixture {

	final String unique = UUID.randomUUID().toString().substring(0, 8);

	final Api api;

	final Api.Client admin;

	final JdbcClient jdbc;

	final String contact;

	final String design;

	final TestUsers.TestUser lead;

	final TestUsers.TestUser staff;

	final TestUsers.TestUser colleague;

	DashboardFixture(Api api, Api.Client admin, JdbcClient jdbc) {
		this.api = api;
		this.admin = admin;
		this.jdbc = jdbc;
		contact = id(admin.post("/api/v1/contacts", Map.of("name", "Dashboard client " + unique, "email",
				"dash@example.com")));
		design = id(admin.post("/api/v1/activities", Map.of("name", "Dashboard design " + unique, "category",
				"DESIGN_CREATIVE", "billable", true)));
		lead = TestUsers.create(jdbc, "MANAGER", "STAFF");
		staff = TestUsers.create(jdbc, "STAFF");
		colleague = TestUsers.create(jdbc, "STAFF");
		jdbc.sql("update app_user set manager_id = ? where id in (?, ?)").params(lead.id(), staff.id(), colleague.id())
			.update();
	}

	String name(TestUsers.TestUser user) {
		return jdbc.sql("select name from app_user where id = ?").param(user.id()).query(String.class).single();
	}

	/** A new ACTIVE project of the client, managed by {@code managerId} (may be null), at 100.00 an hour. */
	String project(String name, Long managerId, String budget) {
		Map<String, Object> body = new HashMap<>(Map.of("name", name + " " + unique, "contactId", contact, "type",
				"STANDARD", "billingMode", "HOURLY"));
		if (managerId != null) {
			body.put("managerId", String.valueOf(managerId));
		}
		if (budget != null) {
			body.put("budgetAmount", budget);
		}
		String project = id(admin.post("/api/v1/projects", body));
		Api.Response rate = admin.post("/api/v1/rates", Map.of("scope", "PROJECT", "projectId", project,
				"hourlyRate", "100.00"));
		assertThat(rate.status()).as(rate.toString()).isEqualTo(201);
		return project;
	}

	String purchaseOrder(String project, String number, String amount, String invoiceGroup) {
		return id(admin.post("/api/v1/projects/" + project + "/purchase-orders",
				Map.of("number", number, "amount", amount, "invoiceGroup", invoiceGroup)));
	}

	/** Design hours of {@code who} on the project; answers the whole created entry. */
	JsonNode time(TestUsers.TestUser who, String project, LocalDate date, int hours) {
		Api.Response created = who.client(api).post("/api/v1/time-entries", Map.of("type", "ACTIVITY", "projectId",
				project, "activityId", design, "date", date.toString(), "minutes", hours * 60));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	void finalizeThrough(String project, LocalDate through) {
		Api.Response done = admin.post("/api/v1/projects/" + project + "/finalize", Map.of("through", through.toString()));
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
	}

	/** Invoices the client's finalized entries dated in the range. */
	void bill(LocalDate from, LocalDate to) {
		Api.Response invoice = admin.post("/api/v1/invoices/from-time", Map.of("contactId", contact,
				"from", from.toString(), "to", to.toString()));
		assertThat(invoice.status()).as(invoice.toString()).isEqualTo(201);
	}

	static String id(Api.Response created) {
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asText();
	}

	static JsonNode dashboard(Api.Client client) {
		Api.Response answer = client.get("/api/v1/dashboard");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json();
	}

	static JsonNode row(JsonNode dashboard, String projectId) {
		for (JsonNode project : dashboard.get("projects")) {
			if (project.get("id").asText().equals(projectId)) {
				return project;
			}
		}
		return null;
	}

	static List<String> projectIds(JsonNode dashboard) {
		return dashboard.get("projects").findValuesAsText("id").stream()
			.filter(id -> !id.isEmpty()).toList();
	}
}
