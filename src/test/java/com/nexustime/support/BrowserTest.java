package com.nexustime.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
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

	/** A fresh browser profile (its own cookies), signed in through the login form. */
	protected Page signedIn(String email, String password) {
		BrowserContext context = browser.newContext();
		context.setDefaultTimeout(10_000);
		contexts.add(context);
		Page page = context.newPage();
		page.navigate(url("/login"));
		page.fill("#username", email);
		page.fill("#password", password);
		page.click("button[type=submit]");
		page.waitForURL(url("/"));
		return page;
	}
}
