package com.nexustime.people;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's internal cost rates: set by admins through the API and the user page, audited, seen by no one else. */
class CostRateApiTest extends IntegrationTest {

	private TestUsers.TestUser person;

	private String path;

	@BeforeEach
	void person() {
		person = TestUsers.create(jdbc, "STAFF");
		path = "/api/v1/users/" + person.id() + "/cost-rates";
	}

	@Test
	void anAdminSetsEffectiveDatedRatesNewestFirst() {
		Api.Response first = admin().post(path, Map.of("rate", "45.00"));
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.json().get("effectiveFrom").asText()).isEqualTo("1970-01-01");
		assertThat(admin().post(path, Map.of("rate", "52.5", "effectiveFrom", "2026-01-01")).status()).isEqualTo(201);
		JsonNode rates = admin().get(path).json();
		assertThat(rates).hasSize(2);
		assertThat(rates.get(0).get("effectiveFrom").asText()).isEqualTo("2026-01-01");
		assertThat(rates.get(0).get("rate").asText()).isEqualTo("52.50");
		// the same day again replaces that day's rate
		admin().post(path, Map.of("rate", "55.00", "effectiveFrom", "2026-01-01"));
		assertThat(admin().get(path).json().get(0).get("rate").asText()).isEqualTo("55.00");
		assertThat(admin().delete(path + "/2026-01-01").status()).isEqualTo(204);
		assertThat(admin().get(path).json()).hasSize(1);
		assertThat(admin().delete(path + "/2026-01-01").status()).isEqualTo(404);
	}

	@Test
	void everyChangeIsAudited() {
		admin().post(path, Map.of("rate", "45.00", "effectiveFrom", "2025-01-01"));
		admin().post(path, Map.of("rate", "47.00", "effectiveFrom", "2025-01-01"));
		List<String> actions = jdbc.sql("select action from audit_log where entity_type = 'user_cost_rate' and entity_id = ?"
				+ " order by id").param(person.id() + ":2025-01-01").query(String.class).list();
		assertThat(actions).containsExactly("CREATE", "UPDATE");
		String after = jdbc.sql("select after::text from audit_log where entity_type = 'user_cost_rate' and entity_id = ?"
				+ " order by id desc limit 1").param(person.id() + ":2025-01-01").query(String.class).single();
		assertThat(after).contains("47.00");
	}

	@Test
	void nobodyButAnAdminReadsOrWritesThem() {
		admin().post(path, Map.of("rate", "45.00"));
		TestUsers.TestUser manager = TestUsers.create(jdbc, "MANAGER", "STAFF");
		TestUsers.TestUser auditor = TestUsers.create(jdbc, "AUDITOR");
		for (Api.Client who : List.of(person.client(api), manager.client(api), auditor.client(api))) {
			assertThat(who.get(path).status()).isEqualTo(403);
			assertThat(who.post(path, Map.of("rate", "1.00")).status()).isEqualTo(403);
		}
		// nor does the person's own record carry it
		JsonNode me = person.client(api).get("/api/v1/me").json();
		assertThat(me.toString().toLowerCase()).doesNotContain("cost");
		assertThat(admin().get("/api/v1/users/" + person.id()).body().toLowerCase()).doesNotContain("cost");
	}

	@Test
	void aBadRateIsRefusedByField() {
		Api.Response negative = admin().post(path, Map.of("rate", "-1.00"));
		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.json().get("errors").get(0).get("field").asText()).isEqualTo("rate");
		Api.Response missing = admin().post(path, Map.of("effectiveFrom", "2026-01-01"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(admin().post("/api/v1/users/999999999/cost-rates", Map.of("rate", "1.00")).status()).isEqualTo(404);
	}

	@Test
	void theUserPageSetsARateAndKeepsWhatWasTypedOnAnError() {
		FormSession session = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String edit = "/users/" + person.id() + "/edit";
		assertThat(session.get(edit).body()).contains("id=\"cost-rates\"").contains("No cost rate");
		FormSession.Page saved = session.post("/users/" + person.id() + "/cost-rates",
				Map.of("rate", "61.25", "effectiveFrom", "2026-02-01"));
		assertThat(saved.status()).isEqualTo(302);
		String page = session.follow(saved).body();
		assertThat(page).contains("Cost rate 61.25 from 2026-02-01 saved.").contains("class=\"cost-rate-row\"");
		FormSession.Page refused = session.post("/users/" + person.id() + "/cost-rates",
				Map.of("rate", "-3", "effectiveFrom", "2026-03-01"));
		String again = session.follow(refused).body();
		assertThat(again).contains("value=\"-3\"").contains("value=\"2026-03-01\"").contains("must not be negative");
		assertThat(admin().get(path).json()).hasSize(1);
	}
}
