package io.dunning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;

import com.microsoft.playwright.Response;
import io.dunning.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * Every role has a home that says what it can do: the auditor, the administrator and the integrator used to find a
 * single "API" link. Every page the home links to opens for that role.
 */
class HomePagesTest extends BrowserTest {

	@Test
	void anAuditorsHomeSaysWhatAnAuditorReadsAndWhere() throws Exception {
		String home = homeOf("auditor", "en");

		assertThat(home).contains("As an auditor", "GET /api/invoices/{number}/history", "GET /api/outbox")
			.doesNotContain("As an administrator", "As an integrator");
		screenshot("home-auditor.png");
		everyLinkOpens();
	}

	@Test
	void anAdministratorsHomeLeadsToTheRateTablesAndTheHealth() throws Exception {
		String home = homeOf("admin", "fr");

		assertThat(home).contains("En tant qu’administrateur", "Taux d’intérêt", "/actuator/health");
		screenshot("home-admin.png");
		everyLinkOpens();
	}

	@Test
	void anIntegratorsHomeNamesTheCallsThatFeedTheLedger() throws Exception {
		String home = homeOf("integrator", "en");

		assertThat(home).contains("As an integrator", "POST /api/invoices/import", "POST /api/payments");
		everyLinkOpens();
	}

	private String homeOf(String user, String language) {
		signIn(user);
		page.navigate(url("/?lang=" + language));
		return page.locator("main").innerText();
	}

	/** Our pages keep to the Content-Security-Policy; Swagger UI's page is its own, so it is opened last. */
	private void everyLinkOpens() {
		assertThat(policyViolations).isEmpty();
		List<String> links = page.locator("main a[href], header nav a[href]").all().stream()
			.map(link -> link.getAttribute("href"))
			.sorted(Comparator.comparing(link -> link.startsWith("/swagger-ui")))
			.toList();
		assertThat(links).isNotEmpty();
		for (String link : links) {
			if (link.startsWith("/swagger-ui")) {
				assertThat(policyViolations).as("on the pages before " + link).isEmpty();
			}
			Response response = page.navigate(url(link));
			assertThat(response.status()).as(link).isEqualTo(200);
		}
	}

}
