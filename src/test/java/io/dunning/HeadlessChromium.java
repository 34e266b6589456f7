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
 * a page. Screenshots go where the README links them.
 */
public final class HeadlessChromium implements AutoCloseable {

	private static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");
	private static final Path SCREENSHOTS = Paths.get("src/docs/screenshots");

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
		Page page = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(1360, 820))
			.newPage();
		page.onConsoleMessage(message -> {
			if (message.text().contains("Content Security Policy")) {
				policyViolations.add(message.text());
			}
		});
		return page;
	}

	public static void screenshot(Page page, String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
	}

	@Override
	public void close() {
		playwright.close();
	}

}
