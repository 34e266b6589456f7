package io.dunning.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.camunda.client.CamundaClient;
import io.dunning.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** A French page is French: amounts, form-js's own messages, the timeline's outcomes and actor, the reasons. */
class FrenchPagesBrowserTest extends BrowserTest {

	@Autowired
	CamundaClient engine;

	@Autowired
	MessageSource messages;

	private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

	@Test
	void aCollectorsCallPageSpeaksFrenchThroughout() throws Exception {
		CustomerFixture customer = new CustomerFixture(port, engine, "C-FR" + run, "Boulangerie Fabre " + run);
		String big = customer.invoice("1250.00", 30);
		String small = customer.invoice("480.50", 31);
		JsonNode first = customer.call(big);
		customer.dunning().complete("collector", first, Map.of("outcome", "NO_ANSWER"));
		customer.call(big);
		customer.call(small);

		signIn("collector");
		page.navigate(url("/tasks?view=team&lang=fr&customer=" + run));
		assertThat(text(page.locator("tr.task-line td.num").nth(1))).isEqualTo("1 730,50 €");
		page.locator("tr.task-line a.row-link").click();
		page.getByText("Pas de réponse").first().waitFor();

		assertThat(page.locator("table td.num").allTextContents().stream().map(FrenchPagesBrowserTest::spaces))
			.contains("1 250,00 €", "480,50 €");
		assertThat(text(page.locator("#ticked-total"))).isEqualTo("1 730,50 €");
		page.getByLabel(small).uncheck();
		assertThat(text(page.locator("#ticked-total"))).isEqualTo("1 250,00 €");
		Locator timeline = page.locator("ol.timeline").first();
		assertThat(timeline.textContent()).contains("système").contains("Pas de réponse").doesNotContain("NO_ANSWER")
			.doesNotContain(" system");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Terminer pour les factures cochées")).click();
		page.locator(".fjs-form-field-error li").first().waitFor();
		assertThat(page.locator(".fjs-form-field-error li").first().textContent()).isEqualTo("Champ obligatoire.");
		page.getByText("Promesse de paiement").click();
		page.getByLabel("Date de paiement promise").click();
		// The calendar opens on the browser's own today, not on the application's moved clock.
		String month = LocalDate.now().getMonth().getDisplayName(TextStyle.FULL, Locale.FRENCH);
		page.locator(".flatpickr-calendar.open").waitFor();
		assertThat(page.locator(".flatpickr-calendar.open").textContent().toLowerCase(Locale.FRENCH)).contains(month)
			.contains("lun.");
		screenshot("french-call-page.png");

		assertThat(messages.getMessage("reason.past-promises", new Object[] { 20, 1 }, Locale.FRENCH))
			.contains("d’autres");
		assertThat(policyViolations).isEmpty();
	}

	private static String text(Locator locator) {
		return spaces(locator.textContent());
	}

	/** French groups digits with a narrow no-break space and puts a no-break space before the euro sign. */
	private static String spaces(String text) {
		return text.replace('\u202F', ' ').replace('\u00A0', ' ').strip();
	}

}
