package com.nexustime.approval;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.nexustime.support.BrowserTest;
import com.nexustime.support.TestUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the client sees, without an account, on a phone and on a laptop: the approval page, its answers after
 * approving, declining and deciding twice, and the pages of a link that leads nowhere. Every page passes axe-core
 * (WCAG 2 A/AA) and its decisive buttons are visible, on screen, enabled and legible in the brand colour.
 */
class ClientApprovalBrowserTest extends BrowserTest {

	private static final String SIGN_LABEL = "Type your full name to approve these hours";

	private static final String REASON_LABEL = "Or tell us what is wrong";

	@ParameterizedTest
	@EnumSource(Screen.class)
	void theClientSeesTheRequestApprovesItAndTheOwnerSeesApproved(Screen screen) {
		ApprovalFixture fx = new ApprovalFixture(jdbc);
		fx.entry(fx.website, fx.design, ApprovalFixture.MONDAY, 150, "120.00", "Logo sketches");
		TestUsers.TestUser owner = TestUsers.create(jdbc, "MANAGER", "STAFF");
		JsonNode created = send(owner, fx);
		String link = publicLink(fx, created);

		Page page = anonymous(screen);
		page.navigate(link);
		assertThat(page.locator("#lines")).containsText("Website " + fx.unique);
		assertThat(page.locator("#snapshot-hash")).hasText(created.get("snapshotHash").asText());
		assertNoSidewaysScrolling(page);
		assertAccessible(page);
		assertUsable(page.locator("header.brand").getByText(workspaceName()));
		assertUsable(page.getByLabel(SIGN_LABEL));
		assertUsable(button(page, "Approve"));
		assertUsable(button(page, "Decline"));

		page.getByLabel(SIGN_LABEL).fill("Dana Buyer");
		button(page, "Approve").click();
		assertThat(page.locator("#decision")).containsText("Dana Buyer");
		assertThat(button(page, "Approve")).hasCount(0);
		assertAccessible(page);
		assertUsable(page.locator("#decision"));

		Page ownerPage = signedIn(owner.email(), TestUsers.PASSWORD, screen);
		ownerPage.navigate(url("/approvals/" + created.get("id").asText()));
		assertThat(ownerPage.locator("#decision")).containsText("Approved");
		assertThat(ownerPage.locator("#decision")).containsText("Dana Buyer");
		assertAccessible(ownerPage);
	}

	@ParameterizedTest
	@EnumSource(Screen.class)
	void theClientDeclinesWithAReason(Screen screen) {
		ApprovalFixture fx = new ApprovalFixture(jdbc);
		fx.entry(fx.brochure, fx.management, ApprovalFixture.MONDAY.plusDays(1), 60, "90.00", "Print check");
		JsonNode created = send(TestUsers.create(jdbc, "MANAGER", "STAFF"), fx);

		Page page = anonymous(screen);
		page.navigate(publicLink(fx, created));
		assertUsable(page.getByLabel(REASON_LABEL)).fill("Tuesday was a holiday");
		assertUsable(button(page, "Decline")).click();

		assertThat(page.locator("#decision")).containsText("Tuesday was a holiday");
		assertThat(button(page, "Decline")).hasCount(0);
		assertAccessible(page);
		assertUsable(page.locator("#decision"));
	}

	@ParameterizedTest
	@EnumSource(Screen.class)
	void decidingTwiceSaysItWasAlreadyDecided(Screen screen) {
		ApprovalFixture fx = new ApprovalFixture(jdbc);
		fx.entry(fx.website, fx.design, ApprovalFixture.MONDAY.plusDays(2), 90, "120.00", "Icons");
		JsonNode created = send(TestUsers.create(jdbc, "MANAGER", "STAFF"), fx);
		String link = publicLink(fx, created);

		Page first = anonymous(screen);
		Page second = first.context().newPage();
		first.navigate(link);
		second.navigate(link);
		first.getByLabel(SIGN_LABEL).fill("Dana Buyer");
		button(first, "Approve").click();
		assertThat(first.locator("#decision")).containsText("Dana Buyer");

		second.getByLabel(SIGN_LABEL).fill("Someone Else");
		assertUsable(button(second, "Approve")).click();
		assertThat(second.locator("#already-decided")).containsText("already decided");
		assertThat(second.locator("#decision")).containsText("Dana Buyer");
		assertAccessible(second);
		assertUsable(second.locator("#already-decided"));
	}

	@ParameterizedTest
	@EnumSource(Screen.class)
	void aLinkThatLeadsNowhereSaysSo(Screen screen) {
		Page page = anonymous(screen);

		Response unknown = page.navigate(url("/public/approvals/not-a-real-token"));
		assertThat(unknown.status()).isEqualTo(404);
		assertAccessible(page);
		assertUsable(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found")));

		ApprovalFixture fx = new ApprovalFixture(jdbc);
		fx.entry(fx.website, fx.design, ApprovalFixture.MONDAY.plusDays(3), 30, "120.00", "Call");
		TestUsers.TestUser owner = TestUsers.create(jdbc, "MANAGER", "STAFF");
		JsonNode cancelled = send(owner, fx);
		String cancelledLink = publicLink(fx, cancelled);
		owner.client(api).delete("/api/v1/approvals/" + cancelled.get("id").asText());
		assertThat(page.navigate(cancelledLink).status()).isEqualTo(404);
		assertAccessible(page);
		assertUsable(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found")));

		ApprovalFixture other = new ApprovalFixture(jdbc);
		other.entry(other.website, other.design, ApprovalFixture.MONDAY.plusDays(4), 45, "120.00", "Review");
		JsonNode expired = send(owner, other);
		String expiredLink = publicLink(other, expired);
		jdbc.sql("update client_approval set expires_at = now() - interval '1 day' where id = ?")
			.param(Long.parseLong(expired.get("id").asText())).update();
		assertThat(page.navigate(expiredLink).status()).isEqualTo(410);
		assertAccessible(page);
		assertUsable(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("This link has expired")));
	}

	/** An admin may pick a light brand colour: the header and the Approve button then switch to dark text. */
	@Test
	void aLightBrandColourStillGivesALegibleApproveButton() {
		String before = jdbc.sql("select brand_color from workspace where id = 1").query(String.class).single();
		jdbc.sql("update workspace set brand_color = '#ffd33d' where id = 1").update();
		try {
			ApprovalFixture fx = new ApprovalFixture(jdbc);
			fx.entry(fx.website, fx.design, ApprovalFixture.MONDAY.plusDays(5), 60, "120.00", "Banner");
			JsonNode created = send(TestUsers.create(jdbc, "MANAGER", "STAFF"), fx);

			Page page = anonymous(Screen.PHONE);
			page.navigate(publicLink(fx, created));
			Locator approve = assertUsable(button(page, "Approve"));
			assertThat(approve.evaluate("b => getComputedStyle(b).backgroundColor")).isEqualTo("rgb(255, 211, 61)");
			assertThat(approve.evaluate("b => getComputedStyle(b).color")).isEqualTo("rgb(0, 0, 0)");
			assertUsable(page.locator("header.brand").getByText(workspaceName()));
			assertAccessible(page);
		}
		finally {
			jdbc.sql("update workspace set brand_color = ? where id = 1").param(before).update();
		}
	}

	private JsonNode send(TestUsers.TestUser owner, ApprovalFixture fx) {
		fx.managedBy(owner); // a manager sends the time of their own reports only
		return owner.client(api).post("/api/v1/approvals",
				fx.request(ApprovalFixture.MONDAY, ApprovalFixture.MONDAY.plusDays(6), "PROJECT")).json();
	}

	/**
	 * The client's link for a sent request. The only place these tests learn it, so that it can move from the API's
	 * answer to the mail delivered to the contact without touching the tests themselves.
	 */
	private String publicLink(ApprovalFixture fx, JsonNode created) {
		return url(URI.create(ApprovalFixture.mailedLink(context, created.get("id").asLong())).getPath());
	}

	private String workspaceName() {
		return jdbc.sql("select name from workspace where id = 1").query(String.class).single();
	}
}
