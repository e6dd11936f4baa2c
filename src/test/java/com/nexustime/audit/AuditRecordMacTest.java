package com.nexustime.audit;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record's MAC covers the canonical form of its JSON, which the append computes from the text it sends and
 * verification from the text jsonb gives back; records appended under the older MAC (over the stored text) stay
 * authentic.
 */
class AuditRecordMacTest extends IntegrationTest {

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditSealer sealer;

	@Autowired
	AuditChain chain;

	/** Texts whose jsonb spelling differs from what was sent: key order, spacing, escapes, exponents, zeros. */
	private static final List<String> AWKWARD = List.of(
			"{\"b\": 1, \"a\": {\"z\": [3, 2, {\"y\": null, \"x\": true}], \"aa\": \"x\"}}",
			"{\"e\": 1E+3, \"f\": 1.0E+2, \"g\": 1.50, \"h\": -0.000120, \"i\": 12345678901234567890123, \"j\": 2.5e-3}",
			"{\"s\": \"caf\\u00e9 \\\"quoted\\\" \\/ tab\\t line\\n \\ud83d\\ude00\", \"long key with spaces\": false}",
			"[1, \"two\", 3.0, [], {}]", "\"just text\"", "42", "null");

	@Test
	void theCanonicalFormOfWhatIsSentIsTheCanonicalFormOfWhatJsonbStores() {
		for (String sent : AWKWARD) {
			String stored = jdbc.sql("select cast(? as jsonb)::text").param(sent).query(String.class).single();
			assertThat(AuditChain.canonical(stored)).as(sent + " stored as " + stored)
				.isEqualTo(AuditChain.canonical(sent));
		}
		// a changed value is a different canonical form, so the MAC still catches it
		assertThat(AuditChain.canonical("{\"amount\": \"10.00\"}"))
			.isNotEqualTo(AuditChain.canonical("{\"amount\": \"10.0\"}"));
		assertThat(AuditChain.canonical("{\"amount\": 10.00}")).isNotEqualTo(AuditChain.canonical("{\"amount\": 10.0}"));
	}

	@Test
	void awkwardValuesAppendedInOneStatementAreSealedAndVerify() {
		String entityId = UUID.randomUUID().toString();
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("zeta", new BigDecimal("1E+3"));
		before.put("alpha", "caf\u00e9 \"quoted\" \ud83d\ude00");
		before.put("amount", new BigDecimal("120.50"));
		before.put("nested", Map.of("y", List.of(1, 2.5, "x"), "x", Map.of()));
		auditLog.recordAs("system", "UPDATE", "MacProbe", entityId, before, Map.of("amount", new BigDecimal("0.10")));
		long id = jdbc.sql("select id from audit_log where entity_type = 'MacProbe' and entity_id = ?").param(entityId)
			.query(Long.class).single();
		sealer.sealNow();
		assertThat(jdbc.sql("select count(*) from audit_seal where record_id = ?").param(id).query(Long.class).single())
			.as("the sealer found the MAC authentic").isEqualTo(1);
		assertThat(admin().get("/api/v1/audit/verify").json().get("ok").asBoolean()).isTrue();
	}

	@Test
	void aRecordWithTheOlderMacOverTheStoredTextIsStillAuthentic() {
		String entityId = UUID.randomUUID().toString();
		String nonce = UUID.randomUUID().toString();
		String stored = jdbc.sql("select cast(? as jsonb)::text").param("{\"minutes\": 60, \"rate\": 90.00}")
			.query(String.class).single();
		String olderMac = chain.storedTextMac(nonce, "system", "CREATE", "MacProbe", entityId, null, stored);
		// what an append made before the canonical form wrote: the MAC over the JSON exactly as jsonb gave it back
		long id = jdbc.sql("""
				with tx as materialized (select pg_current_xact_id() as xact)
				insert into audit_log (actor, action, entity_type, entity_id, after, xact, nonce, mac)
				select 'system', 'CREATE', 'MacProbe', ?, cast(? as jsonb), tx.xact, cast(? as uuid), ? from tx
				returning id""").params(entityId, stored, nonce, olderMac).query(Long.class).single();
		sealer.sealNow();
		assertThat(jdbc.sql("select count(*) from audit_seal where record_id = ?").param(id).query(Long.class).single())
			.isEqualTo(1);
		assertThat(admin().get("/api/v1/audit/verify").json().get("ok").asBoolean()).isTrue();
	}
}
