package com.nexustime.audit;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.FormSession;
import com.nexustime.support.FormSession.Page;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class AuditPagesTest extends IntegrationTest {

	@Autowired
	AuditLog auditLog;

	@Test
	void thePageFiltersShowsBeforeAndAfterAndVerifiesTheChain() {
		String entityId = UUID.randomUUID().toString();
		auditLog.recordAs("page-test", "UPDATE", "PageProbe", entityId, Map.of("colour", "red-before"),
				Map.of("colour", "blue-after"));
		FormSession browser = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);

		Page filtered = browser.get("/audit?entityType=PageProbe&entityId=" + entityId);
		assertThat(filtered.status()).isEqualTo(200);
		assertThat(filtered.body()).contains("red-before").contains("blue-after").contains("page-test");

		Page badBound = browser.get("/audit?from=someday");
		assertThat(badBound.status()).isEqualTo(200);
		assertThat(badBound.body()).contains("value=\"someday\"").contains("use a date like 2026-11-23");

		Page verified = browser.follow(browser.post("/audit/verify", Map.of()));
		assertThat(verified.body()).contains("The chain is intact");
	}
}
