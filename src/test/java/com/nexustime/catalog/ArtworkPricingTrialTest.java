package com.nexustime.catalog;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.nexustime.support.Api;
import com.nexustime.support.EditedRules;
import com.nexustime.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** An artwork-pricing rule that throws on RuleTrials' sample artworks is refused at reload; the old rules stay. */
class ArtworkPricingTrialTest extends IntegrationTest {

	@Test
	void aBrokenPricingRuleIsRefusedAtReload() throws Exception {
		Path broken = EditedRules.FOLDER.resolve("zz-artwork-throws-" + System.nanoTime() + ".drl");
		try {
			Files.writeString(broken, """
					package com.nexustime.rules.trial

					import com.nexustime.rules.ArtworkPriceQuestion

					rule "Throws on an artwork with alterations"
					    ruleflow-group "artwork-pricing"
					when
					    $question : ArtworkPriceQuestion( alterationCount > 0 )
					then
					    System.out.println( "".substring(5) );
					end
					""");
			Api.Response reload = admin().post("/api/v1/admin/rules/reload", null);

			assertThat(reload.status()).as(reload.toString()).isEqualTo(422);
			assertThat(reload.contentType()).startsWith("application/problem+json");
			assertThat(reload.body()).contains("Throws on an artwork with alterations");
		}
		finally {
			Files.deleteIfExists(broken);
			assertThat(admin().post("/api/v1/admin/rules/reload", null).status()).isEqualTo(200);
		}
	}
}
