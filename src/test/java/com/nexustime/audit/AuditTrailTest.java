package com.nexustime.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.nexustime.support.DatabaseOwner;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditTrailTest extends IntegrationTest {

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditSealer sealer;

	@Autowired
	Flyway flyway;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void searchFiltersAndShowsBeforeAndAfterAsJson() {
		String actor = "auditor-" + UUID.randomUUID() + "@test.local";
		String entityId = UUID.randomUUID().toString();
		writeAs(actor, "CREATE", entityId, null, Map.of("amount", "10.00"));
		writeAs(actor, "UPDATE", entityId, Map.of("amount", "10.00"), Map.of("amount", "12.50"));
		writeAs(actor, "UPDATE", "another", Map.of("amount", "1.00"), Map.of("amount", "2.00"));
		sealer.sealNow();

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
		sealer.sealNow();

		JsonNode intact = admin().get("/api/v1/audit/verify").json();
		assertThat(intact.get("ok").asBoolean()).as(intact.toString()).isTrue();
		assertThat(intact.get("checked").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(intact.has("firstBrokenId")).isFalse();

		String original = jdbc.sql("select after::text from audit_log where id = ?").param(tampered)
			.query(String.class).single();
		String storedHash = jdbc.sql("select hash from audit_seal where record_id = ?").param(tampered)
			.query(String.class).single();
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
		sealer.sealNow();
		try {
			// a thorough forger removes the record and its seal; copies put both back exactly as they were
			behindTheAppsBack("create table audit_log_removed as select * from audit_log where id = " + removed,
					"create table audit_seal_removed as select * from audit_seal where record_id = " + removed,
					"delete from audit_seal where record_id = " + removed, "delete from audit_log where id = " + removed);

			JsonNode broken = admin().get("/api/v1/audit/verify").json();
			assertThat(broken.get("ok").asBoolean()).isFalse();
			assertThat(broken.get("firstBrokenId").asText()).isEqualTo(Long.toString(ids.get(2)));
			assertThat(broken.get("firstBroken").get("problem").asText()).isEqualTo("LINK_BROKEN");
			assertThat(broken.get("firstBroken").get("storedHash").asText())
				.as("the removed record's hash, still named by its successor")
				.isEqualTo(DatabaseOwner.jdbc(flyway).sql("select hash from audit_seal_removed").query(String.class).single());
		}
		finally {
			behindTheAppsBack("insert into audit_log overriding system value select * from audit_log_removed",
					"insert into audit_seal select * from audit_seal_removed",
					"drop table audit_log_removed", "drop table audit_seal_removed");
		}
		assertThat(admin().get("/api/v1/audit/verify").json().get("ok").asBoolean()).isTrue();
	}

	@Test
	void verificationNamesADeletedRecordWhoseSealRemains() {
		String entityId = UUID.randomUUID().toString();
		writeAs("system", "CREATE", entityId, null, Map.of("n", 1));
		writeAs("system", "UPDATE", entityId, Map.of("n", 1), Map.of("n", 2));
		writeAs("system", "UPDATE", entityId, Map.of("n", 2), Map.of("n", 3));
		List<Long> ids = jdbc.sql("select id from audit_log where entity_type = 'Probe' and entity_id = ? order by id")
			.param(entityId).query(Long.class).list();
		long removed = ids.get(1);
		sealer.sealNow();
		String sealHash = jdbc.sql("select hash from audit_seal where record_id = ?").param(removed)
			.query(String.class).single();
		try {
			asSuperuser("create table audit_log_deleted as select * from audit_log where id = " + removed,
					"delete from audit_log where id = " + removed);
			JsonNode broken = admin().get("/api/v1/audit/verify").json();
			assertThat(broken.get("ok").asBoolean()).isFalse();
			assertThat(broken.get("firstBrokenId").asLong()).isEqualTo(removed);
			assertThat(broken.get("firstBroken").get("problem").asText()).isEqualTo("RECORD_REMOVED");
			assertThat(broken.get("firstBroken").get("expectedHash").asText()).isEqualTo(sealHash);
		}
		finally {
			asSuperuser("insert into audit_log overriding system value select * from audit_log_deleted",
					"drop table audit_log_deleted");
		}
		assertThat(admin().get("/api/v1/audit/verify").json().get("ok").asBoolean()).isTrue();
	}

	@Test
	void verificationNamesARecordInsertedBehindTheAppsBack() {
		String entityId = UUID.randomUUID().toString();
		// a rolled-back append leaves a free id in the middle of the chain for the forger to use
		try {
			new TransactionTemplate(transactions).executeWithoutResult(status -> {
				writeAs("system", "CREATE", entityId, null, Map.of("n", 0));
				throw new IllegalStateException("roll back");
			});
		}
		catch (IllegalStateException expected) {
			// the id stays unused
		}
		long free = jdbc.sql("select pg_sequence_last_value(pg_get_serial_sequence('audit_log', 'id'))")
			.query(Long.class).single();
		writeAs("system", "CREATE", entityId, null, Map.of("n", 1));
		sealer.sealNow();
		try {
			behindTheAppsBack("insert into audit_log (id, actor, action, entity_type, entity_id, after) overriding "
					+ "system value values (" + free + ", 'mallory', 'CREATE', 'Probe', '" + entityId + "', '{\"n\": 9}')");
			JsonNode broken = admin().get("/api/v1/audit/verify").json();
			assertThat(broken.get("ok").asBoolean()).isFalse();
			assertThat(broken.get("firstBrokenId").asLong()).isEqualTo(free);
			assertThat(broken.get("firstBroken").get("problem").asText()).isEqualTo("NOT_IN_CHAIN");
			sealer.sealNow();
			assertThat(jdbc.sql("select count(*) from audit_seal where record_id = ?").param(free).query(Long.class)
				.single()).as("the sealer never seals below the chain's end").isZero();
		}
		finally {
			behindTheAppsBack("delete from audit_log where id = " + free);
		}
		assertThat(admin().get("/api/v1/audit/verify").json().get("ok").asBoolean()).isTrue();
	}

	@Test
	void aSealRecomputedWithoutTheServerKeyDoesNotHideAChange() {
		String entityId = UUID.randomUUID().toString();
		writeAs("system", "CREATE", entityId, null, Map.of("amount", "1.00"));
		writeAs("system", "UPDATE", entityId, Map.of("amount", "1.00"), Map.of("amount", "2.00"));
		writeAs("system", "UPDATE", entityId, Map.of("amount", "2.00"), Map.of("amount", "3.00"));
		long forged = jdbc.sql("select id from audit_log where entity_type = 'Probe' and entity_id = ? order by id")
			.param(entityId).query(Long.class).list().get(1);
		sealer.sealNow();
		String original = jdbc.sql("select hash from audit_seal where record_id = ?").param(forged)
			.query(String.class).single();
		// the forger changes the record and recomputes its seal the only ways open without the key: a plain
		// SHA-256 of the same fields, or an HMAC under a key of their own
		String plain = jdbc.sql("""
				select encode(sha256(convert_to(s.previous_hash || s.seq || l.id || l.actor || l.action
				       || l.entity_type || l.entity_id || '{"amount": "0.01"}', 'UTF8')), 'hex')
				  from audit_seal s join audit_log l on l.id = s.record_id where l.id = ?""")
			.param(forged).query(String.class).single();
		try {
			behindTheAppsBack("update audit_log set after = '{\"amount\": \"0.01\"}' where id = " + forged,
					"update audit_seal set hash = '" + plain + "' where record_id = " + forged);
			JsonNode broken = admin().get("/api/v1/audit/verify").json();
			assertThat(broken.get("firstBrokenId").asLong()).isEqualTo(forged);
			assertThat(broken.get("firstBroken").get("problem").asText()).isEqualTo("CONTENT_CHANGED");
			assertThat(broken.get("firstBroken").get("storedHash").asText()).isEqualTo(plain);
		}
		finally {
			behindTheAppsBack("update audit_log set after = '{\"amount\": \"2.00\"}' where id = " + forged,
					"update audit_seal set hash = '" + original + "' where record_id = " + forged);
		}
		assertThat(admin().get("/api/v1/audit/verify").json().get("ok").asBoolean()).isTrue();
	}

	@Test
	void aRecordInsertedWithoutTheAppsMacIsNeitherSealedNorTrusted() {
		String entityId = UUID.randomUUID().toString();
		writeAs("system", "CREATE", entityId, null, Map.of("n", 1));
		sealer.sealNow();
		// the app's own role may insert (appending needs it) but cannot make the MAC without the server key
		long forged = jdbc.sql("insert into audit_log (actor, action, entity_type, entity_id, after) values "
				+ "('maria.manager@northwind.example', 'APPROVE', 'Probe', ?, '{\"forged\": true}') returning id")
			.param(entityId).query(Long.class).single();
		try {
			sealer.sealNow();
			assertThat(jdbc.sql("select count(*) from audit_seal where record_id = ?").param(forged).query(Long.class)
				.single()).as("the sealer does not vouch for it").isZero();
			JsonNode broken = admin().get("/api/v1/audit/verify").json();
			assertThat(broken.get("ok").asBoolean()).isFalse();
			assertThat(broken.get("firstBrokenId").asLong()).isEqualTo(forged);
			assertThat(broken.get("firstBroken").get("problem").asText()).isEqualTo("NOT_AUTHENTIC");
			// a copy of a genuine record, MAC and all, is refused: its nonce is taken
			assertThatThrownBy(() -> jdbc.sql("""
					insert into audit_log (actor, action, entity_type, entity_id, after, nonce, mac)
					select actor, action, entity_type, entity_id, after, nonce, mac from audit_log
					 where entity_id = ? and action = 'CREATE'""").param(entityId).update())
				.hasMessageContaining("audit_log_nonce_idx");
		}
		finally {
			behindTheAppsBack("delete from audit_log where id = " + forged);
		}
		sealer.sealNow();
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
		// ... and the triggers stop the owner too
		assertThatThrownBy(() -> DatabaseOwner.execute(flyway, "update audit_log set actor = 'mallory' where id = " + id))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> DatabaseOwner.execute(flyway, "delete from audit_log where id = " + id))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> DatabaseOwner.execute(flyway, "truncate audit_log cascade"))
			.hasMessageContaining("append-only");
		assertThat(jdbc.sql("select actor from audit_log where id = ?").param(id).query(String.class).single())
			.isEqualTo("system");
		sealer.sealNow();
		assertThatThrownBy(() -> jdbc.sql("update audit_seal set hash = 'x' where record_id = ?").param(id).update())
			.rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> DatabaseOwner.execute(flyway, "update audit_seal set hash = 'x' where record_id = " + id))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> DatabaseOwner.execute(flyway, "delete from audit_seal where record_id = " + id))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> DatabaseOwner.execute(flyway, "truncate audit_seal")).hasMessageContaining("append-only");
	}

	private void writeAs(String actor, String action, String entityId, Object before, Object after) {
		auditLog.recordAs(actor, action, "Probe", entityId, before, after);
	}

	/**
	 * Runs statements as the database owner (the app's own role may not change the audit tables) with the
	 * append-only triggers off, in one transaction so that no one else sees them off.
	 */
	private void behindTheAppsBack(String... statements) {
		List<String> all = new ArrayList<>();
		all.add("alter table audit_log disable trigger audit_log_no_update");
		all.add("alter table audit_seal disable trigger audit_seal_no_update");
		all.addAll(List.of(statements));
		all.add("alter table audit_seal enable trigger audit_seal_no_update");
		all.add("alter table audit_log enable trigger audit_log_no_update");
		DatabaseOwner.execute(flyway, all.toArray(String[]::new));
	}

	/** As {@link #behindTheAppsBack}, with triggers and foreign keys unchecked too, as only a superuser can. */
	private void asSuperuser(String... statements) {
		List<String> all = new ArrayList<>();
		all.add("set local session_replication_role = replica");
		all.addAll(List.of(statements));
		DatabaseOwner.execute(flyway, all.toArray(String[]::new));
	}

	private void createUser(String email, String role) {
		var response = admin().post("/api/v1/users",
				Map.of("email", email, "name", "Audit Test", "password", "password-123", "roles", List.of(role)));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}
}
