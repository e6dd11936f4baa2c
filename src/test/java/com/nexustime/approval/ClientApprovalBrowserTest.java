package com.nexustime.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.nexustime.support.BrowserTest;
import com.nexustime.support.TestUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The client signs on a phone-sized screen, without an account; the owner then sees "Approved". */
class ClientApprovalBrowserTest extends BrowserTest {


	@Test
	void theClientSignsOnAPhoneAndTheOwnerSeesApproved() {
		ApprovalFixture fx = new ApprovalFixture(jdbc);
		fx.entry(fx.website, fx.design, ApprovalFixture.MONDAY, 150, "120.00", "Logo sketches");
		TestUsers.TestUser owner = TestUsers.create(jdbc, "MANAGER", "STAFF");
		fx.managedBy(owner);
		JsonNode created = owner.client(api).post("/api/v1/approvals",
				fx.request(ApprovalFixture.MONDAY, ApprovalFixture.MONDAY.plusDays(6), "PROJECT")).json();
		String link = ApprovalFixture.mailedLink(context, created.get("id").asLong());

		BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setIsMobile(true).setHasTouch(true).setUserAgent("Mozilla/5.0 (iPhone) NexusTest"));
		try {
			Page page = phone.newPage();
			page.navigate(link);
			assertThat(page.locator("#lines")).containsText("Website " + fx.unique);
			assertThat(page.locator("#snapshot-hash")).hasText(created.get("snapshotHash").asText());
			int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
			org.assertj.core.api.Assertions.assertThat(width).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
			page.fill("#signature", "Dana Buyer");
			page.click("#approve-form button[type=submit]");
			assertThat(page.locator("#decision")).containsText("Dana Buyer");
			assertThat(page.locator("#approve-form")).hasCount(0);
		}
		finally {
			phone.close();
		}

		Page ownerPage = signedIn(owner.email(), TestUsers.PASSWORD);
		ownerPage.navigate(url("/approvals/" + created.get("id").asText()));
		assertThat(ownerPage.locator("#decision")).containsText("Approved");
		assertThat(ownerPage.locator("#decision")).containsText("Dana Buyer");
	}
}
