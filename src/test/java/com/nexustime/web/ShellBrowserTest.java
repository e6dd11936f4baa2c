package com.nexustime.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;

import com.nexustime.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The page shell in a real browser: sign in, see who you are, reach the catalog, sign out. */
class ShellBrowserTest extends BrowserTest {

	@Test
	void signInNavigateAndSignOut() {
		Page page = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
		assertThat(page.locator("#current-user")).containsText("Administrator");

		page.click("text=Projects");
		assertThat(page).hasURL(url("/projects"));

		// the menu opens once Bootstrap's script, at the end of the page, has run
		page.waitForLoadState(LoadState.LOAD);
		page.click("#current-user");
		assertThat(page.locator("#current-user")).hasAttribute("aria-expanded", "true");
		assertAccessible(page);
		assertUsable(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Sign out")));
		page.click("text=Sign out");
		assertThat(page).hasURL(url("/login?logout"));
		page.navigate(url("/projects"));
		assertThat(page).hasURL(url("/login"));
	}
}
