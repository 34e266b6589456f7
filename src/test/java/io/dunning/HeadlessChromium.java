package io.dunning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, headless, driven by Playwright without any browser download: the browser tests' one way to open
 * a page. Screenshots go under target/screenshots, so a test run leaves the checkout clean; the README's command
 * ({@code -Ddunning.screenshots=src/docs/screenshots}) writes them where the docs link them.
 */
public final class HeadlessChromium implements AutoCloseable {

	private static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");
	static final String SCREENSHOTS_PROPERTY = "dunning.screenshots";

	private final Playwright playwright;
	private final Browser browser;

	private HeadlessChromium() {
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
			.setExecutablePath(EXECUTABLE)
			.setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run")));
	}

	/** Skips the calling tests when the browser is not installed, saying how to install it. */
	public static HeadlessChromium launch() {
		Assumptions.assumeTrue(Files.isExecutable(EXECUTABLE),
				"Browser tests need Debian's chromium at /usr/bin/chromium: apt-get install -y chromium");
		return new HeadlessChromium();
	}

	/**
	 * A page in a browser context of its own, in British English at the screenshots' size. Every Content-Security-Policy
	 * violation the page reports is added to the list, for the test to assert there is none.
	 */
	public Page open(List<String> policyViolations) {
		return open(policyViolations, "en-GB");
	}

	/** As {@link #open(List)}, in a browser that speaks the given language (such as en-US, which writes 1/5/2027). */
	public Page open(List<String> policyViolations, String locale) {
		Page page = browser.newContext(new Browser.NewContextOptions().setLocale(locale).setViewportSize(1360, 820))
			.newPage();
		page.onConsoleMessage(message -> {
			if (message.text().contains("Content Security Policy")) {
				policyViolations.add(message.text());
			}
		});
		return page;
	}

	public static void screenshot(Page page, String name) throws IOException {
		Path folder = screenshots();
		Files.createDirectories(folder);
		page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name)).setFullPage(true));
	}

	/** Where screenshots go: target/screenshots, unless the system property names another folder. */
	static Path screenshots() {
		String folder = System.getProperty(SCREENSHOTS_PROPERTY);
		return Paths.get(folder == null || folder.isBlank() ? "target/screenshots" : folder);
	}

	@Override
	public void close() {
		playwright.close();
	}

}
