package com.nexustime.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * Base of the browser tests: Playwright driving Debian's Chromium against the running test server. Skipped
 * where no Chromium is installed (`apt-get install -y chromium`; `.ci/run` does it), so `./mvnw verify` on a
 * machine with only a JDK still passes.
 */
@Tag("browser")
public abstract class BrowserTest extends IntegrationTest {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("NEXUS_CHROMIUM", "/usr/bin/chromium"));

	private static Playwright playwright;

	protected static Browser browser;

	private final List<BrowserContext> contexts = new java.util.ArrayList<>();

	@BeforeAll
	static void launchBrowser() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + "; browser tests skipped");
		playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
			.setExecutablePath(CHROMIUM)
			.setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
					"--disable-dev-shm-usage")));
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
		if (playwright != null) {
			playwright.close();
			playwright = null;
		}
	}

	@AfterEach
	void closeContexts() {
		contexts.forEach(BrowserContext::close);
		contexts.clear();
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** The screens every page must work on: a phone held upright and a laptop. */
	public enum Screen {

		PHONE(390, 844, true), LAPTOP(1280, 800, false);

		final int width;

		final int height;

		final boolean mobile;

		Screen(int width, int height, boolean mobile) {
			this.width = width;
			this.height = height;
			this.mobile = mobile;
		}
	}

	/** A fresh browser profile (its own cookies), signed in through the login form. */
	protected Page signedIn(String email, String password) {
		return signedIn(email, password, null);
	}

	/** A fresh browser profile on the given screen, signed in through the login form. */
	protected Page signedIn(String email, String password, Screen screen) {
		Page page = anonymous(screen);
		page.navigate(url("/login"));
		page.getByLabel("Email").fill(email);
		page.getByLabel("Password").fill(password);
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Sign in")).click();
		page.waitForURL(url("/"));
		return page;
	}

	/** A fresh browser profile with no one signed in, on the given screen (null: Playwright's default). */
	protected Page anonymous(Screen screen) {
		Browser.NewContextOptions options = new Browser.NewContextOptions();
		if (screen != null) {
			options.setViewportSize(screen.width, screen.height).setIsMobile(screen.mobile).setHasTouch(screen.mobile);
		}
		BrowserContext context = browser.newContext(options);
		context.setDefaultTimeout(10_000);
		contexts.add(context);
		return context.newPage();
	}

	/** Fails on any serious or critical WCAG 2 A/AA violation that axe-core finds on the page as it is now. */
	protected static void assertAccessible(Page page) {
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
		Accessibility.assertNoSeriousViolations(page);
	}

	/** The control is one a person can see and use: see {@link Accessibility#assertUsable}. */
	protected static Locator assertUsable(Locator control) {
		return Accessibility.assertUsable(control);
	}

	/** The page's button with this accessible name. */
	protected static Locator button(Page page, String name) {
		return page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	/** The page has no sideways scrolling at its width. */
	protected static void assertNoSidewaysScrolling(Page page) {
		int scroll = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
		int width = page.viewportSize().width;
		org.assertj.core.api.Assertions.assertThat(scroll).as("page width at a %d px viewport", width)
			.isLessThanOrEqualTo(width);
	}
}
