package com.nexustime.catalog;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nexustime.support.FormSession;
import com.nexustime.support.IntegrationTest;
import com.nexustime.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** The artwork price list page: admins add prices, a refused form keeps what was typed, staff cannot open it. */
class ArtworkPricePagesTest extends IntegrationTest {

	@Test
	void anAdminAddsAPriceAndAMistakeKeepsWhatWasTyped() {
		PerPieceFixture fx = new PerPieceFixture(jdbc, admin());
		FormSession session = FormSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		assertThat(session.get("/artwork-prices").body()).contains("Artwork prices").contains("Add a price");

		FormSession.Page refused = session.post("/artwork-prices", Map.of("scope", "CLIENT", "item", "TIER",
				"complexityTier", fx.tier("Typed"), "price", "12.50"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("is required for a CLIENT price").contains(fx.tier("Typed"))
			.contains("12.50");

		FormSession.Page added = session.post("/artwork-prices", Map.of("scope", "CLIENT", "contactId",
				String.valueOf(fx.contact), "item", "TIER", "complexityTier", fx.tier("Typed"), "price", "12.50"));
		assertThat(added.status()).isEqualTo(302);
		assertThat(session.follow(added).body()).contains("Artwork price added.").contains("tier " + fx.tier("Typed"));

		FormSession staff = FormSession.signIn(port, fx.staff.email(), TestUsers.PASSWORD);
		assertThat(staff.get("/artwork-prices").status()).isEqualTo(403);
	}
}
