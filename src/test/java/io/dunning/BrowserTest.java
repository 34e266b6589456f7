package io.dunning;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of the pages in headless Chromium: one browser per test class, a fresh page per test, and the
 * Content-Security-Policy violations that page reports, for the test to assert there is none.
 */
public abstract class BrowserTest extends IntegrationTest {

	private static HeadlessChromium chromium;

	protected final List<String> policyViolations = new ArrayList<>();

	protected Page page;

	@BeforeAll
	static void launchChromium() {
		chromium = HeadlessChromium.launch();
	}

	@AfterAll
	static void closeChromium() {
		if (chromium != null) {
			chromium.close();
			chromium = null;
		}
	}

	@BeforeEach
	void openPage() {
		page = chromium.open(policyViolations);
	}

	@AfterEach
	void closePage() {
		page.context().close();
	}

	/** Replaces the page with one in a browser that speaks the given language. */
	protected void reopenIn(String locale) {
		page.context().close();
		page = chromium.open(policyViolations, locale);
	}

	/** Signs in through the login page, as the user with the demo password; any earlier session is dropped. */
	protected void signIn(String user) {
		page.context().clearCookies();
		page.navigate(url("/login"));
		page.getByLabel("User name").fill(user);
		page.getByLabel("Password").fill("demo");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		page.locator("header.topbar").waitFor();
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	protected void screenshot(String name) throws IOException {
		HeadlessChromium.screenshot(page, name);
	}

}
