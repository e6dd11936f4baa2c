package com.nexustime.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.nexustime.billing.BillingFixtureAccess;
import com.nexustime.support.Api;
import com.nexustime.support.EditedRules;
import com.nexustime.support.IntegrationTest;

/**
 * A rule file that compiles but throws while deciding. On reload it is tried on sample questions first and refused
 * (422, the previous rules stay); one that only fails on real data answers the API with 422 naming the rule — never
 * a 500 — and the app works again once the file is fixed.
 */
class RuleFailureTest extends IntegrationTest {

	@Test
	void aRuleThatThrowsOnTheSampleQuestionsIsNotTaken() throws Exception {
		Path broken = EditedRules.FOLDER.resolve("zz-throws-" + System.nanoTime() + ".drl");
		try {
			Files.writeString(broken, """
					package com.nexustime.rules.trial

					import com.nexustime.rules.InvoiceCandidate

					global com.nexustime.rules.InvoiceRefusals invoiceRefusals

					rule "Throws on every entry"
					    ruleflow-group "invoicing"
					when
					    $entry : InvoiceCandidate( )
					then
					    invoiceRefusals.refuse( $entry, "".substring(5) );
					end
					""");
			Api.Response reload = admin().post("/api/v1/admin/rules/reload", null);

			assertThat(reload.status()).as(reload.toString()).isEqualTo(422);
			assertThat(reload.contentType()).startsWith("application/problem+json");
			assertThat(reload.body()).contains("Throws on every entry");
			assertThat(admin().get("/api/v1/admin/rules").json().path("inEffect").path("files").toString())
				.doesNotContain(broken.getFileName().toString());
		}
		finally {
			Files.deleteIfExists(broken);
			assertThat(admin().post("/api/v1/admin/rules/reload", null).status()).isEqualTo(200);
		}
	}

	@Test
	void aRuleThatFailsOnRealDataAnswers422NamingTheRule() {
		BillingFixtureAccess fx = new BillingFixtureAccess(jdbc);
		fx.entryOnWebsite(LocalDate.of(2026, 3, 2));
		String anchor = "rule \"Non-billable time is not invoiced\"";
		// fires only for the fixture's project, which the sample questions never name
		try (EditedRules edited = EditedRules.replace(admin(), "invoicing.drl", anchor, """
				rule "Breaks on the test project"
				    ruleflow-group "invoicing"
				when
				    $entry : InvoiceCandidate( projectId == %dL )
				then
				    invoiceRefusals.refuse( $entry, "".substring(5) );
				end

				""".formatted(fx.website()) + anchor)) {
			Api.Response summary = admin().get("/api/v1/projects/" + fx.website() + "/summary");

			assertThat(summary.status()).as(summary.toString()).isEqualTo(422);
			assertThat(summary.contentType()).startsWith("application/problem+json");
			assertThat(summary.json().path("rule").asText()).isEqualTo("Breaks on the test project");
		}
		assertThat(admin().get("/api/v1/projects/" + fx.website() + "/summary").status()).isEqualTo(200);
	}
}
