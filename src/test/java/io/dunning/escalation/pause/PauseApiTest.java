package io.dunning.escalation.pause;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunning.Api;
import io.dunning.Dunning;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The disputes and blocks API and the managers' blocks page, over plain HTTP. */
class PauseApiTest extends IntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	Dunning dunning;

	private HttpClient browser;

	@BeforeEach
	void setUp() {
		dunning = new Dunning(port);
		browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	}

	@Test
	void badDisputeInputNamesEveryBadFieldAndStoresNothing() {
		String number = dunning.overdueInvoice("BADDISP", 4, "100.00");
		dunning.awaitStep(number, "Timer_FormalReminderDue");

		Api.Response bad = dunning.as("integrator").post("/api/invoices/" + number + "/disputes",
				Map.of("reason", "BORED", "comment", "x".repeat(2001)));

		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).contains("application/problem+json");
		assertThat(bad.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("reason", "comment");
		assertThat(dunning.history(number)).extracting(h -> h.get("type").asText()).doesNotContain("DISPUTE_RAISED");
		Api.Response missing = dunning.as("integrator").post("/api/invoices/" + number + "/disputes", Map.of());
		assertThat(missing.body().get("errors").findValuesAsText("field")).containsExactly("reason");
	}

	@Test
	void aDisputeOnAnUnknownInvoiceIsNotFoundAndOnAClosedCaseOrTwiceAConflict() {
		assertThat(dunning.as("integrator").post("/api/invoices/NOPE-404/disputes", Map.of("reason", "PRICE")).status())
			.isEqualTo(404);

		String number = dunning.overdueInvoice("TWICE", 4, "100.00");
		dunning.awaitStep(number, "Timer_FormalReminderDue");
		assertThat(dunning.as("collector").post("/api/invoices/" + number + "/disputes", Map.of("reason", "PRICE"))
			.status()).isEqualTo(201);
		Api.Response again = dunning.as("integrator").post("/api/invoices/" + number + "/disputes",
				Map.of("reason", "QUALITY"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body().get("detail").asText()).contains("already has an open dispute");

		String paid = dunning.overdueInvoice("CLOSED", 4, "100.00");
		dunning.awaitStep(paid, "Timer_FormalReminderDue");
		dunning.pay(paid, "100.00");
		dunning.awaitCaseStatus(paid, "PAID");
		assertThat(dunning.as("integrator").post("/api/invoices/" + paid + "/disputes", Map.of("reason", "PRICE"))
			.status()).isEqualTo(409);
	}

	@Test
	void blocksBelongToManagersAndBadInputNamesEveryBadField() {
		assertThat(dunning.as("collector").post("/api/blocks", Map.of()).status()).isEqualTo(403);
		assertThat(dunning.as("integrator").get("/api/blocks").status()).isEqualTo(403);

		Map<String, Object> both = new LinkedHashMap<>();
		both.put("invoiceNumber", "F-1");
		both.put("customerId", "C-1");
		both.put("reason", " ");
		both.put("expiresOn", "2020-13-01");
		Api.Response bad = dunning.as("manager").post("/api/blocks", both);

		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("invoiceNumber",
				"customerId", "reason", "expiresOn");
		Api.Response past = dunning.as("manager").post("/api/blocks",
				Map.of("invoiceNumber", "F-1", "reason", "r", "expiresOn", dunning.today().toString()));
		assertThat(past.body().get("errors").findValuesAsText("field")).containsExactly("expiresOn");
		assertThat(dunning.as("manager").post("/api/blocks", Map.of("invoiceNumber", "NOPE-404", "reason", "r",
				"expiresOn", dunning.today().plusDays(3).toString())).status()).isEqualTo(404);
		assertThat(dunning.as("manager").delete("/api/blocks/999999999").status()).isEqualTo(404);
	}

	@Test
	void aSecondBlockOnTheSameInvoiceIsAConflict() {
		String number = dunning.overdueInvoice("BLOCK2", 4, "100.00");
		Map<String, Object> block = Map.of("invoiceNumber", number, "reason", "Litige",
				"expiresOn", dunning.today().plusDays(20).toString());
		assertThat(dunning.as("manager").post("/api/blocks", block).status()).isEqualTo(201);

		Api.Response again = dunning.as("manager").post("/api/blocks", block);

		assertThat(again.status()).isEqualTo(409);
		List<JsonNode> active = dunning.as("manager").get("/api/blocks").body().findParents("invoiceNumber");
		assertThat(active).filteredOn(b -> number.equals(b.get("invoiceNumber").asText())).hasSize(1);
	}

	@Test
	void aManagerBlocksAndLiftsOnThePageAndTheTaskPageShowsTheDispute() throws Exception {
		String number = dunning.overdueInvoice("PAGE", 4, "100.00");
		dunning.awaitStep(number, "Timer_FormalReminderDue");
		signIn("collector");
		assertThat(get("/blocks").statusCode()).isEqualTo(403);

		signIn("manager");
		String page = get("/blocks").body();
		assertThat(page).contains("Dunning blocks");
		HttpResponse<String> refused = post("/blocks", Map.of("invoiceNumber", number, "reason", "", "expiresOn", "",
				"_csrf", csrf(page)));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("aria-invalid=\"true\"").contains("required");

		HttpResponse<String> added = post("/blocks", Map.of("invoiceNumber", number, "reason", "Avocat saisi <b>",
				"expiresOn", dunning.today().plusDays(10).toString(), "_csrf", csrf(page)));
		assertThat(added.statusCode()).isEqualTo(302);
		String listed = get("/blocks").body();
		assertThat(listed).contains(number).contains("Avocat saisi &lt;b&gt;");
		dunning.awaitStep(number, "Task_AwaitBlockLifted");

		long id = dunning.as("manager").get("/api/blocks").body().findParents("invoiceNumber").stream()
			.filter(b -> number.equals(b.get("invoiceNumber").asText()))
			.findFirst().orElseThrow().get("id").asLong();
		assertThat(post("/blocks/" + id + "/lift", Map.of("_csrf", csrf(listed))).statusCode()).isEqualTo(302);
		assertThat(get("/blocks").body()).doesNotContain("Avocat saisi");
		dunning.awaitStep(number, "Timer_FormalReminderDue");

		// A dispute on a case at its courtesy call shows on the task page.
		String called = dunning.overdueInvoice("PAGECALL", 22, "300.00");
		dunning.awaitStep(called, "Timer_FormalReminderDue");
		dunning.advance("P7D");
		dunning.awaitStep(called, "Timer_CourtesyCallDue");
		dunning.advance("P7D");
		JsonNode call = dunning.awaitOpenTask(called, "Task_CourtesyCall");
		String customer = "C-" + called;
		String before = get("/tasks/group/Task_CourtesyCall?customer=" + customer).body();
		assertThat(before).contains("Nothing holds dunning.");
		// The messages name their step and recipient; the path's step moves are folded beneath the business events.
		assertThat(before).contains("Friendly email", "to compta@atelier-martin.fr", "Steps of the path (");
		assertThat(before.substring(0, before.indexOf("Steps of the path ("))).doesNotContain("Step entered");
		dunning.as("integrator").post("/api/invoices/" + called + "/disputes", Map.of("reason", "QUALITY", "comment",
				"<script>alert(1)</script>"));
		dunning.awaitOpenTask(called, "Task_ResolveDispute");
		String after = get("/tasks/group/Task_ResolveDispute?customer=" + customer).body();
		assertThat(after).contains("Dispute").contains("Quality").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(call.get("elementId").asText()).isEqualTo("Task_CourtesyCall");
	}

	@Test
	void aPauseShowsTheDayItWasSetOnInTheCompanysZoneAsTheTimelineDoes() throws Exception {
		String number = dunning.overdueInvoice("PAUSEDAY", 4, "100.00");
		dunning.awaitStep(number, "Timer_FormalReminderDue");
		// 00:20 in Paris is the evening before in UTC: the page used to show the UTC day.
		Instant now = dunning.now();
		ZonedDateTime twentyPastMidnight = now.atZone(Dunning.ZONE).toLocalDate().plusDays(1).atStartOfDay(Dunning.ZONE)
			.plusMinutes(20);
		dunning.advance(Duration.between(now, twentyPastMidnight.toInstant()).toString());
		Api.Response block = dunning.as("manager").post("/api/blocks", Map.of("invoiceNumber", number, "reason",
				"Attente avoir", "expiresOn", twentyPastMidnight.toLocalDate().plusDays(10).toString()));
		assertThat(block.status()).as(block.text()).isEqualTo(201);

		signIn("manager");
		String page = get("/customers/C-" + number).body();

		DateTimeFormatter day = DateTimeFormatter.ofPattern("dd/MM/yyyy");
		assertThat(page).contains("by manager on " + twentyPastMidnight.format(day))
			.doesNotContain("by manager on " + twentyPastMidnight.minusDays(1).format(day));
	}

	private void signIn(String user) throws Exception {
		browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String login = get("/login").body();
		HttpResponse<String> response = post("/login", Map.of("username", user, "password", "demo", "_csrf",
				csrf(login)));
		assertThat(response.statusCode()).isEqualTo(302);
	}

	private static String csrf(String page) {
		Matcher m = CSRF.matcher(page);
		assertThat(m.find()).as("a CSRF field in the page").isTrue();
		return m.group(1);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept-Language", "en").GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
		String body = form.entrySet().stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
