package com.nexustime.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.DatabaseOwner;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditTrailTest extends IntegrationTest {

	@Autowired
	AuditLog auditLog;

	@Autowired
	Flyway flyway;

	@Test
	void searchFiltersAndShowsBeforeAndAfterAsJson() {
		String actor = "auditor-" + UUID.randomUUID() + "@test.local";
		String entityId = UUID.randomUUID().toString();
		writeAs(actor, "CREATE", entityId, null, Map.of("amount", "10.00"));
		writeAs(actor, "UPDATE", entityId, Map.of("amount", "10.00"), Map.of("amount", "12.50"));
		writeAs(actor, "UPDATE", "another", Map.of("amount", "1.00"), Map.of("amount", "2.00"));

		var response = admin().get("/api/v1/audit?entityType=Probe&entityId=" + entityId);
		assertThat(response.status()).isEqualTo(200);
		JsonNode entries = response.json();
		assertThat(entries).hasSize(2);
		JsonNode newest = entries.get(0);
		assertThat(newest.get("action").asText()).isEqualTo("UPDATE");
		assertThat(newest.get("actor").asText()).isEqualTo(actor);
		assertThat(newest.get("before").get("amount").asText()).isEqualTo("10.00");
		assertThat(newest.get("after").get("amount").asText()).isEqualTo("12.50");
		assertThat(newest.get("previousHash").asText()).hasSize(64);
		assertThat(newest.get("hash").asText()).hasSize(64);
		assertThat(newest.get("changes").get(0).get("field").asText()).isEqualTo("amount");
		assertThat(newest.get("changes").get(0).get("before").asText()).isEqualTo("10.00");
		assertThat(newest.get("changes").get(0).get("after").asText()).isEqualTo("12.50");
		assertThat(newest.get("changes").get(0).get("changed").asBoolean()).isTrue();
		assertThat(newest.get("at").asText()).endsWith("Z");
		assertThat(entries.get(1).get("before").isNull()).isTrue();
		assertThat(entries.get(0).get("previousHash").asText()).isEqualTo(entries.get(1).get("hash").asText());

		assertThat(admin().get("/api/v1/audit?actor=" + actor).json()).hasSize(3);
		assertThat(admin().get("/api/v1/audit?actor=" + actor + "&limit=1").json()).hasSize(1);
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		assertThat(admin().get("/api/v1/audit?actor=" + actor + "&from=" + today + "&to=" + today).json()).hasSize(3);
		assertThat(admin().get("/api/v1/audit?actor=" + actor + "&to=2000-01-01").json()).isEmpty();
		assertThat(admin().get("/api/v1/audit?actor=" + actor + "&from=2000-01-01T00:00:00Z").json()).hasSize(3);
	}

	@Test
	void badFiltersAre400NamingTheParameter() {
		var badDate = admin().get("/api/v1/audit?from=yesterday");
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.json().get("errors").get(0).get("field").asText()).isEqualTo("from");
		var badLimit = admin().get("/api/v1/audit?limit=0");
		assertThat(badLimit.status()).isEqualTo(400);
		assertThat(badLimit.json().get("errors").get(0).get("field").asText()).isEqualTo("limit");
	}

	@Test
	void onlyAdminsAndAuditorsReadTheLog() {
		String staff = "staff-" + UUID.randomUUID() + "@test.local";
		String auditor = "auditor-" + UUID.randomUUID() + "@test.local";
		createUser(staff, "STAFF");
		createUser(auditor, "AUDITOR");
		assertThat(api.basic(staff, "password-123").get("/api/v1/audit").status()).isEqualTo(403);
		assertThat(api.basic(staff, "password-123").get("/api/v1/audit/verify").status()).isEqualTo(403);
		assertThat(api.basic(auditor, "password-123").get("/api/v1/audit").status()).isEqualTo(200);
		assertThat(api.basic(auditor, "password-123").get("/api/v1/audit/verify").status()).isEqualTo(200);
		assertThat(api.anonymous().get("/api/v1/audit").status()).isEqualTo(401);
	}

	@Test
	void verificationCatchesARecordChangedBehindTheAppsBack() {
		String entityId = UUID.randomUUID().toString();
		writeAs("system", "CREATE", entityId, null, Map.of("amount", "100.00"));
		writeAs("system", "UPDATE", entityId, Map.of("amount", "100.00"), Map.of("amount", "120.00"));
		writeAs("system", "UPDATE", entityId, Map.of("amount", "120.00"), Map.of("amount", "150.00"));
		List<Long> ids = jdbc.sql("select id from audit_log where entity_type = 'Probe' and entity_id = ? order by id")
			.param(entityId).query(Long.class).list();
		long tampered = ids.get(1);

		JsonNode intact = admin().get("/api/v1/audit/verify").json();
		assertThat(intact.get("ok").asBoolean()).as(intact.toString()).isTrue();
		assertThat(intact.get("checked").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(intact.has("firstBrokenId")).isFalse();

		String original = jdbc.sql("select after::text from audit_log where id = ?").param(tampered)
			.query(String.class).single();
		String storedHash = jdbc.sql("select hash from audit_log where id = ?").param(tampered).query(String.class)
			.single();
		java.time.Instant writtenAt = jdbc.sql("select at from audit_log where id = ?").param(tampered)
			.query(java.sql.Timestamp.class).single().toInstant();
		try {
			behindTheAppsBack("update audit_log set after = '{\"amount\": \"99.00\"}' where id = " + tampered);

			JsonNode broken = admin().get("/api/v1/audit/verify").json();
			assertThat(broken.get("ok").asBoolean()).isFalse();
			assertThat(broken.get("firstBrokenId").asText()).isEqualTo(Long.toString(tampered));
			JsonNode link = broken.get("firstBroken");
			assertThat(link.get("id").asText()).isEqualTo(Long.toString(tampered));
			assertThat(link.get("problem").asText()).isEqualTo("CONTENT_CHANGED");
			assertThat(link.get("storedHash").asText()).isEqualTo(storedHash);
			assertThat(link.get("expectedHash").asText()).hasSize(64).isNotEqualTo(storedHash);
			assertThat(java.time.Instant.parse(link.get("at").asText())).isEqualTo(writtenAt);
		}
		finally {
			behindTheAppsBack("update audit_log set after = cast('" + original + "' as jsonb) where id = " + tampered);
		}
		assertThat(admin().get("/api/v1/audit/verify").json().get("ok").asBoolean()).isTrue();
	}

	@Test
	void verificationCatchesARecordRemovedFromTheMiddle() {
		String entityId = UUID.randomUUID().toString();
		writeAs("system", "CREATE", entityId, null, Map.of("n", 1));
		writeAs("system", "UPDATE", entityId, Map.of("n", 1), Map.of("n", 2));
		writeAs("system", "UPDATE", entityId, Map.of("n", 2), Map.of("n", 3));
		List<Long> ids = jdbc.sql("select id from audit_log where entity_type = 'Probe' and entity_id = ? order by id")
			.param(entityId).query(Long.class).list();
		long removed = ids.get(1);
		try {
			// keep a copy of the row to put it back exactly as it was
			behindTheAppsBack("create table audit_log_removed as select * from audit_log where id = " + removed,
					"delete from audit_log where id = " + removed);

			JsonNode broken = admin().get("/api/v1/audit/verify").json();
			assertThat(broken.get("ok").asBoolean()).isFalse();
			assertThat(broken.get("firstBrokenId").asText()).isEqualTo(Long.toString(ids.get(2)));
			assertThat(broken.get("firstBroken").get("problem").asText()).isEqualTo("LINK_BROKEN");
			assertThat(broken.get("firstBroken").get("storedHash").asText())
				.as("the removed record's hash, still named by its successor")
				.isEqualTo(DatabaseOwner.jdbc(flyway).sql("select hash from audit_log_removed").query(String.class).single());
		}
		finally {
			behindTheAppsBack("insert into audit_log overriding system value select * from audit_log_removed",
					"drop table audit_log_removed");
		}
		assertThat(admin().get("/api/v1/audit/verify").json().get("ok").asBoolean()).isTrue();
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteRecords() {
		String entityId = UUID.randomUUID().toString();
		writeAs("system", "CREATE", entityId, null, Map.of("n", 1));
		long id = jdbc.sql("select id from audit_log where entity_type = 'Probe' and entity_id = ?").param(entityId)
			.query(Long.class).single();
		// the app's own connection may not even try (see system/DatabaseRolesTest) ...
		assertThatThrownBy(() -> jdbc.sql("update audit_log set actor = 'mallory' where id = ?").param(id).update())
			.rootCause().hasMessageContaining("permission denied");
		// ... and the trigger stops the owner too
		assertThatThrownBy(() -> DatabaseOwner.execute(flyway, "update audit_log set actor = 'mallory' where id = " + id))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> DatabaseOwner.execute(flyway, "delete from audit_log where id = " + id))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> DatabaseOwner.execute(flyway, "truncate audit_log")).hasMessageContaining("append-only");
		assertThat(jdbc.sql("select actor from audit_log where id = ?").param(id).query(String.class).single())
			.isEqualTo("system");
	}

	private void writeAs(String actor, String action, String entityId, Object before, Object after) {
		auditLog.recordAs(actor, action, "Probe", entityId, before, after);
	}

	/**
	 * Runs statements as the database owner (the app's own role may not change audit_log) with the append-only
	 * trigger off, in one transaction so that no one else sees it off.
	 */
	private void behindTheAppsBack(String... statements) {
		String[] all = new String[statements.length + 2];
		all[0] = "alter table audit_log disable trigger audit_log_no_update";
		System.arraycopy(statements, 0, all, 1, statements.length);
		all[all.length - 1] = "alter table audit_log enable trigger audit_log_no_update";
		DatabaseOwner.execute(flyway, all);
	}

	private void createUser(String email, String role) {
		var response = admin().post("/api/v1/users",
				Map.of("email", email, "name", "Audit Test", "password", "password-123", "roles", List.of(role)));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}
}
