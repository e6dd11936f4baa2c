package com.nexustime.audit;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.DatabaseOwner;
import com.nexustime.support.FormSession;
import com.nexustime.support.FormSession.Page;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

class AuditPagesTest extends IntegrationTest {

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditSealer sealer;

	@Autowired
	Flyway flyway;

	@Test
	void thePageFiltersShowsBeforeAndAfterAndVerifiesTheChain() {
		String entityId = UUID.randomUUID().toString();
		auditLog.recordAs("page-test", "UPDATE", "PageProbe", entityId,
				new java.util.TreeMap<>(Map.of("colour", "red-before", "size", "L")),
				new java.util.TreeMap<>(Map.of("colour", "blue-after", "size", "L")));
		FormSession browser = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);

		Page filtered = browser.get("/audit?entityType=PageProbe&entityId=" + entityId);
		assertThat(filtered.status()).isEqualTo(200);
		assertThat(filtered.body()).contains("red-before").contains("blue-after").contains("page-test");
		// side by side per field: the changed field highlighted, the unchanged one not
		assertThat(filtered.body()).containsPattern("(?s)<tr class=\"table-warning changed\">\\s*<td><code>colour</code></td>"
				+ "\\s*<td[^>]*>red-before</td>\\s*<td[^>]*>blue-after</td>");
		assertThat(filtered.body()).containsPattern("(?s)<tr class=\"text-secondary\">\\s*<td><code>size</code></td>");

		Page badBound = browser.get("/audit?from=someday");
		assertThat(badBound.status()).isEqualTo(200);
		assertThat(badBound.body()).contains("value=\"someday\"").contains("use a date like 2026-11-23");

		Page verified = browser.follow(browser.get("/audit/verify"));
		assertThat(verified.body()).contains("The chain is intact");
	}

	@Test
	void anAuditorVerifiesTheChainFromThePage() {
		TestUsers.TestUser auditor = TestUsers.create(jdbc, "AUDITOR");
		FormSession browser = FormSession.signIn(port, auditor.email(), TestUsers.PASSWORD);
		assertThat(browser.get("/audit").body()).contains("action=\"/audit/verify\" method=\"get\"");
		Page verify = browser.get("/audit/verify");
		assertThat(verify.status()).isEqualTo(302);
		assertThat(browser.follow(verify).body()).contains("The chain is intact");
	}

	@Test
	void verifyOnThePageNamesTheTamperedRecordWithItsHashes() {
		String entityId = UUID.randomUUID().toString();
		auditLog.recordAs("page-test", "UPDATE", "PageProbe", entityId, Map.of("n", 1), Map.of("n", 2));
		long id = jdbc.sql("select id from audit_log where entity_type = 'PageProbe' and entity_id = ?").param(entityId)
			.query(Long.class).single();
		sealer.sealNow();
		String stored = jdbc.sql("select hash from audit_seal where record_id = ?").param(id).query(String.class)
			.single();
		FormSession browser = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		browser.get("/audit");
		try {
			behindTheAppsBack("update audit_log set actor = 'mallory' where id = " + id);
			Page verified = browser.follow(browser.get("/audit/verify"));
			assertThat(verified.body()).contains("The chain is broken at record " + id)
				.contains("its content was changed").contains("stored " + stored);
		}
		finally {
			behindTheAppsBack("update audit_log set actor = 'page-test' where id = " + id);
		}
		assertThat(browser.follow(browser.get("/audit/verify")).body()).contains("The chain is intact");
	}

	private void behindTheAppsBack(String statement) {
		DatabaseOwner.execute(flyway, "alter table audit_log disable trigger audit_log_no_update", statement,
				"alter table audit_log enable trigger audit_log_no_update");
	}
}
