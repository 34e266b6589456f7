package io.dunning.escalation.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.dunning.Api;
import io.dunning.BrowserTest;
import io.dunning.Dunning;
import io.dunning.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * A half-year without its rate, on a database of its own that holds only the official figures the migrations seed (no
 * test fixtures): the health and the log say so, the notice that needs the rate is held and says why, an admin adds
 * the rate on the page in French, and the held notice goes out with it.
 */
@TestPropertySource(properties = { "dunning.test.database-suffix=_rategap",
		"spring.flyway.locations=classpath:db/migration/common,classpath:db/migration/{vendor}" })
@ExtendWith(OutputCaptureExtension.class)
class RateGapTest extends BrowserTest {

	private static final String NOTICE = "Task_SendFormalNotice";

	@Autowired RateCoverageWarning warning;

	@BeforeAll
	static void onlyTheSeededRates() {
		TestDatabase.fresh("rategap");
	}

	@Test
	void aMissingHalfYearWarnsHoldsTheNoticeUntilAnAdminAddsTheRateThenTheNoticeGoesOutWithIt(CapturedOutput log)
			throws Exception {
		Dunning dunning = new Dunning(port);
		HalfYear seededLast = lastSeeded(dunning);
		moveIntoHalfYear(dunning, seededLast.next());
		String number = consumerInvoiceAtItsNotice(dunning);
		HalfYear current = HalfYear.of(dunning.today());

		warning.warnIfUncovered();
		assertThat(log.getOut()).contains("Interest rates: no ECB rate for " + current + " (the table ends at "
				+ seededLast + "); no LEGAL rate for " + current);
		JsonNode health = dunning.as("admin").get("/actuator/health").body();
		assertThat(health.get("status").asText()).as("a missing rate does not take the application down").isEqualTo("UP");
		JsonNode rates = health.at("/components/interestRates");
		assertThat(rates.get("status").asText()).isEqualTo("WARNING");
		assertThat(rates.at("/details/currentHalfYear").asText()).isEqualTo(current.toString());
		assertThat(rates.at("/details/ECB/lastHalfYear").asText()).isEqualTo(seededLast.toString());
		assertThat(rates.at("/details/ECB/currentCovered").asBoolean()).isFalse();
		assertThat(rates.at("/details/LEGAL/lastHalfYear").asText()).isEqualTo(seededLast.toString());
		assertThat(rates.at("/details/warning").asText()).contains("/admin/interest-rates");
		assertThat(dunning.as("manager").get("/admin/interest-rates").status()).isEqualTo(403);

		// The notice job ran and stopped short: the history says which rate it waits for, and nothing went out.
		JsonNode held = await().atMost(Duration.ofSeconds(20)).until(() -> entry(dunning, number, "NOTICE_HELD"),
				h -> h != null);
		assertThat(held.at("/details/kind").asText()).isEqualTo("LEGAL");
		assertThat(held.at("/details/halfYear").asText()).isEqualTo(current.toString());
		assertThat(held.at("/details/message").asText()).startsWith("No LEGAL rate for " + current);
		assertThat(noticeChannels(dunning, number)).isEmpty();
		assertThat(entry(dunning, number, "NOTICE_ISSUED")).isNull();

		addTheLegalRateInFrench(current);

		JsonNode legal = dunning.as("admin").get("/api/admin/interest-rates").body().at("/tables/1");
		assertThat(legal.get("kind").asText()).isEqualTo("LEGAL");
		assertThat(legal.get("currentCovered").asBoolean()).isTrue();
		assertThat(legal.at("/rates/0/halfYear").asText()).isEqualTo(current.toString());
		assertThat(legal.at("/rates/0/rate").decimalValue()).isEqualByComparingTo("2.62");
		assertThat(legal.at("/rates/0/createdBy").asText()).isEqualTo("admin");
		assertThat(legal.at("/rates/0/createdAt").asText()).isNotBlank();

		// The held job is tried again after its wait, and finds the rate.
		dunning.advance("PT6H");
		await().atMost(Duration.ofSeconds(20)).until(() -> noticeChannels(dunning, number).contains("LETTER"));
		JsonNode issued = entry(dunning, number, "NOTICE_ISSUED");
		assertThat(issued.at("/details/interest/basis").asText()).isEqualTo("LEGAL");
		assertThat(issued.at("/details/interest/annualRatePercent").decimalValue()).isEqualByComparingTo("2.62");

		// The next half-year's ECB rate, added first, leaves the current one missing between the others.
		assertThat(addEcbRate(dunning, current.next()).status()).isEqualTo(201);
		rates = dunning.as("admin").get("/actuator/health").body().at("/components/interestRates");
		assertThat(rates.get("status").asText()).isEqualTo("WARNING");
		assertThat(rates.at("/details/ECB/lastHalfYear").asText()).isEqualTo(current.next().toString());
		assertThat(rates.at("/details/ECB/missingBetween/0").asText()).isEqualTo(current.toString());
		page.navigate(url("/admin/interest-rates?lang=en"));
		assertThat(page.locator("section[data-kind=ECB] [data-gaps]").textContent()).startsWith("No rate for " + current
				+ ", between the first half-year and the last");
		Api.Response ecb = addEcbRate(dunning, current);
		assertThat(ecb.status()).as(ecb.text()).isEqualTo(201);
		assertThat(ecb.body().get("rate").decimalValue()).isEqualByComparingTo("2.40");
		rates = dunning.as("admin").get("/actuator/health").body().at("/components/interestRates");
		assertThat(rates.get("status").asText()).isEqualTo("UP");
		assertThat(rates.at("/details/ECB/missingBetween").isEmpty()).isTrue();
	}

	private static Api.Response addEcbRate(Dunning dunning, HalfYear halfYear) {
		return dunning.as("admin").post("/api/admin/interest-rates", Map.of("kind", "ECB", "halfYear",
				halfYear.toString(), "rate", 2.4, "source", "Test: a made-up figure on a test database"));
	}

	/** The page in French: a rate typed the French way is read right, and a wrong one is named in French. */
	private void addTheLegalRateInFrench(HalfYear current) throws Exception {
		signIn("admin");
		page.navigate(url("/admin/interest-rates?lang=fr"));
		assertThat(page.locator("[data-uncovered]").allTextContents()).hasSize(2)
			.anySatisfy(text -> assertThat(text).contains("Taux de l'intérêt légal (autres cas)",
					"aucun taux pour le semestre en cours (" + current + ")", "qu'il soit saisi"));
		page.getByRole(AriaRole.NAVIGATION).getByText("Taux d'intérêt").waitFor();

		page.getByLabel("Table").selectOption("LEGAL");
		page.getByLabel("Semestre").fill(current.toString());
		page.getByLabel("Taux (% l'an)").fill("2,6,2");
		page.getByLabel("Source officielle").fill("Test : un chiffre inventé, sur une base de test");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter le taux")).click();
		assertThat(page.locator(".server-error").allTextContents()).containsExactly(
				"Un taux en pourcentage par an, de 0 à 25, avec au plus deux décimales, comme 2,62.");
		assertThat(page.getByLabel("Source officielle").inputValue()).startsWith("Test : un chiffre inventé");

		page.getByLabel("Taux (% l'an)").fill("2,62");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter le taux")).click();
		page.getByText("taux du semestre " + current + " ajouté").waitFor();
		assertThat(page.locator("section[data-kind=LEGAL] tbody tr").first().textContent().replaceAll("\\s+", " "))
			.contains(current.toString(), "2,62 %", "Test : un chiffre inventé", "admin");
		assertThat(page.locator("[data-uncovered]").allTextContents()).singleElement()
			.satisfies(text -> assertThat(text).startsWith("Taux de refinancement de la BCE"));
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/interest-rates-fr.png"))
			.setFullPage(true));

		page.navigate(url("/admin/interest-rates?lang=en"));
		assertThat(page.locator("[data-uncovered]").textContent()).isEqualTo("ECB main refinancing rate: no rate for "
				+ "the current half-year (" + current + "). Formal notices that need it are held until it is added.");
		assertThat(page.locator("section[data-kind=LEGAL] tbody tr").first().textContent()).contains("2.62%");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/interest-rates-en.png"))
			.setFullPage(true));
		assertThat(policyViolations).isEmpty();
	}

	/** The last half-year of the seeded tables, which both end on the same one. */
	private static HalfYear lastSeeded(Dunning dunning) {
		JsonNode tables = dunning.as("admin").get("/api/admin/interest-rates").body().get("tables");
		HalfYear ecb = HalfYear.parse(tables.at("/0/lastHalfYear").asText()).orElseThrow();
		assertThat(tables.at("/1/lastHalfYear").asText()).isEqualTo(ecb.toString());
		return ecb;
	}

	/** Moves the clock to the first day of that half-year, unless today is already in it or later. */
	private static void moveIntoHalfYear(Dunning dunning, HalfYear halfYear) {
		long days = ChronoUnit.DAYS.between(dunning.today(), halfYear.start());
		if (days > 0) {
			dunning.advance("P" + days + "D");
		}
	}

	/** A consumer's invoice taken to its approved notice, along the path as the README tour does. */
	private static String consumerInvoiceAtItsNotice(Dunning dunning) {
		String number = Dunning.newInvoiceNumber("GAP");
		Map<String, Object> invoice = new HashMap<>(dunning.invoice(number, dunning.today().minusDays(22), "640.00", "B2C"));
		invoice.putAll(Map.of("addressLine1", "8 allée des Tilleuls", "postcode", "33000", "city", "Bordeaux",
				"country", "FR"));
		Api.Response posted = dunning.as("integrator").post("/api/invoices", invoice);
		assertThat(posted.status()).as(posted.text()).isEqualTo(200);
		dunning.approveNoticeAfterAnUnansweredCall(number);
		return number;
	}

	private static JsonNode entry(Dunning dunning, String number, String type) {
		return dunning.history(number).stream().filter(h -> h.get("type").asText().equals(type)).findFirst().orElse(null);
	}

	private static List<String> noticeChannels(Dunning dunning, String number) {
		return dunning.outbox(number).stream()
			.filter(m -> m.get("step").asText().equals(NOTICE))
			.map(m -> m.get("channel").asText())
			.toList();
	}

}
