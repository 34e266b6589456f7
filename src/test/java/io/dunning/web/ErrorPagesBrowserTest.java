package io.dunning.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import io.dunning.BrowserTest;
import org.junit.jupiter.api.Test;

/** The errors a browser meets, in headless Chromium: pages of the app, in the page's language, with the navigation. */
class ErrorPagesBrowserTest extends BrowserTest {

	@Test
	void aForbiddenPageAndAnUnknownAddressAreAppPagesWithTheNavigation() throws Exception {
		signIn("collector");

		Response forbidden = page.navigate(url("/blocks?lang=fr"));
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(page.locator("h1").textContent()).isEqualTo("Accès refusé");
		assertThat(page.locator("header.topbar nav a").allTextContents()).contains("Mes tâches");
		screenshot("error-403-fr.png");

		Response unknown = page.navigate(url("/no-such-page"));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(page.locator("h1").textContent()).isEqualTo("Introuvable");
		page.locator("header.topbar a[hreflang=en]").click();
		page.locator("h1").waitFor();
		assertThat(page.locator("h1").textContent()).isEqualTo("Not found");
		screenshot("error-404-en.png");
		assertThat(policyViolations).isEmpty();
	}

}
