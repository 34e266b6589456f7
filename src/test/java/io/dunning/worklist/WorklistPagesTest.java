package io.dunning.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.camunda.client.CamundaClient;
import io.dunning.Api;
import io.dunning.Dunning;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The worklist pages over plain HTTP, as a browser without scripts sees them. */
class WorklistPagesTest extends IntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	CamundaClient engine;

	private HttpClient browser;
	private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

	@BeforeEach
	void setUp() {
		engine.newDeployResourceCommand().addResourceFromClasspath("worklist/worklist-call.bpmn").send().join();
		browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	}

	@Test
	void anAnswerTheServerRefusesComesBackWithTheErrorForItsField() throws Exception {
		long id = openCall();
		signIn("collector");
		String groupPage = "/tasks/group/Task_CourtesyCall?customer=C-P" + run;
		String page = get(groupPage, "en").body();

		HttpResponse<String> refused = post("/tasks/group/Task_CourtesyCall/complete", Map.of("customer", "C-P" + run,
				"taskId", String.valueOf(id), "variables",
				"{\"outcome\":\"PROMISE_TO_PAY\",\"promisedDate\":\"9999-12-30\"}", "_csrf", csrf(page)));

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("data-errors=\"{&quot;promisedDate&quot;:&quot;must be between")
			.contains("The form has errors");
		assertThat(new Api(port, "auditor", "demo").get("/api/tasks?state=OPEN&invoiceNumber=" + number()).body())
			.hasSize(1);
	}

	@Test
	void aManagerAssignsATaskAndItShowsInTheCollectorsOwnList() throws Exception {
		long id = openCall();
		signIn("manager");
		String page = get("/tasks/group/Task_CourtesyCall?customer=C-P" + run, "en").body();

		HttpResponse<String> assigned = post("/tasks/" + id + "/assign", Map.of("assignee", "collector", "back",
				"/tasks?view=team", "_csrf", csrf(page)));

		assertThat(assigned.statusCode()).isEqualTo(302);
		signIn("collector");
		assertThat(get("/tasks?view=mine&customer=" + run, "en").body()).contains("Pages " + run);
		HttpResponse<String> forbidden = post("/tasks/" + id + "/assign", Map.of("assignee", "collector", "back",
				"/tasks", "_csrf", csrf(get("/tasks?view=mine", "en").body())));
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("Not allowed").contains("Only managers assign tasks.");
	}

	@Test
	void aTaskIsAssignedOnlyToAUserWhoMayWorkIt() throws Exception {
		long id = openCall();
		signIn("manager");
		String page = get("/tasks/group/Task_CourtesyCall?customer=C-P" + run, "en").body();

		// No such user; a user who works no task; a collector of another group (senior-collectors only).
		for (String nobody : List.of("bob", "auditor", "senior")) {
			HttpResponse<String> refused = post("/tasks/" + id + "/assign", Map.of("assignee", nobody, "back",
					"/tasks?view=team", "_csrf", csrf(page)));
			assertThat(refused.statusCode()).as(nobody).isEqualTo(400);
			assertThat(refused.body()).contains("is not a user who may work this task");
		}

		assertThat(new Api(port, "auditor", "demo").get("/api/tasks?invoiceNumber=" + number()).body().get(0)
			.get("assignee").isNull()).isTrue();
		assertThat(get("/tasks?view=team&customer=" + run, "en").body()).contains("Pages " + run);
	}

	@Test
	void everyErrorABrowserMeetsIsAPageOfTheAppInItsLanguageWithTheNavigation() throws Exception {
		signIn("collector");
		HttpResponse<String> forbidden = page("/blocks");
		HttpResponse<String> unknown = page("/no-such-page");
		HttpResponse<String> notFound = page("/tasks/group/Task_CourtesyCall?customer=nobody-" + run);
		HttpResponse<String> wrongMethod = page("/tasks/group/Task_CourtesyCall/complete?lang=fr");

		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(wrongMethod.statusCode()).isEqualTo(405);
		for (HttpResponse<String> error : List.of(forbidden, unknown, notFound, wrongMethod)) {
			assertThat(error.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
				.startsWith("text/html"));
			assertThat(error.body()).as(error.uri().toString()).contains("Mes tâches").contains("Retour à mon travail")
				.doesNotContain("Whitelabel");
		}
		assertThat(forbidden.body()).contains("Accès refusé");
		assertThat(unknown.body()).contains("Introuvable");
		assertThat(wrongMethod.body()).contains("n&#39;accepte pas cette requête");
		// The API keeps answering problem details, even to a browser: an address it does not list is denied.
		HttpResponse<String> api = page("/api/tasks/x1/claim");
		assertThat(api.statusCode()).isIn(401, 403, 405);
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void theStepFilterOffersEveryStepATaskCanWaitAt() throws Exception {
		signIn("manager");

		String list = page("/tasks?view=all").body();

		assertThat(list).contains("<option value=\"Task_ResolveDispute\">", "<option value=\"Task_CompletePostalAddress\">",
				"<option value=\"Task_CourtesyCall\">", "<option value=\"Task_NegotiatePaymentPlan\">",
				"<option value=\"Task_ApproveFormalNotice\">", "<option value=\"Task_ApproveLegalHandoff\">");
	}

	@Test
	void whatIsNotFoundIsSaidInThePagesLanguage() throws Exception {
		signIn("manager");
		assertThat(page("/customers/nobody-" + run).body()).contains("Aucun client nobody-" + run + ".");

		String blocks = page("/blocks").body();
		HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/blocks"))
			.header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "fr")
			.POST(HttpRequest.BodyPublishers.ofString("customerId=nobody-" + run + "&reason=r&expiresOn="
					+ new Dunning(port).today().plusDays(5) + "&_csrf=" + csrf(blocks)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.body()).contains("Aucun client ne porte le nom ou l’identifiant « nobody-" + run + " ».");
		assertThat(new Api(port, "manager", "demo").post("/api/blocks", Map.of("customerId", "nobody-" + run, "reason",
				"r", "expiresOn", new Dunning(port).today().plusDays(5).toString())).text()).contains("No customer");
	}

	@Test
	void theLanguageSwitchOnAFormErrorGoesBackToThePageOfTheForm() throws Exception {
		long id = openCall();
		signIn("collector");
		String groupPage = "/tasks/group/Task_CourtesyCall?customer=C-P" + run;
		String page = get(groupPage, "en").body();

		HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/tasks/group/Task_CourtesyCall/complete"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Referer", "http://localhost:" + port + groupPage)
			.POST(HttpRequest.BodyPublishers.ofString("customer=C-P" + run + "&taskId=" + id
					+ "&variables=%7B%22outcome%22%3A%22PROMISE_TO_PAY%22%7D&_csrf=" + csrf(page)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("href=\"/tasks/group/Task_CourtesyCall?customer=C-P" + run + "&amp;lang=fr\"");
		assertThat(page(groupPage + "&lang=fr").body()).contains("Appel de courtoisie");
	}

	@Test
	void aPageFormWithoutItsCsrfTokenIsRefused() throws Exception {
		signIn("collector");
		HttpResponse<String> forged = post("/tasks/group/Task_CourtesyCall/note", Map.of("customer", "X", "note", "hi"));
		assertThat(forged.statusCode()).isEqualTo(403);
	}

	@Test
	void theListPollAnswersNoContentWhenNothingChanged() throws Exception {
		signIn("collector");
		String rows = get("/tasks/rows?view=team&customer=nobody-" + run, "en").body();
		Matcher version = Pattern.compile("hx-vals=\"\\{&quot;known&quot;:&quot;([0-9a-f]+)&quot;\\}\"").matcher(rows);
		assertThat(version.find()).as(rows).isTrue();

		assertThat(get("/tasks/rows?view=team&customer=nobody-" + run + "&known=" + version.group(1), "en")
			.statusCode()).isEqualTo(204);
	}

	@Test
	void aMalformedPageCursorIsABadRequestAnsweredAtOnce() throws Exception {
		signIn("collector");
		for (String after : List.of("bad", "x|y|z", "NaN|a|b", "99999999999999999999|a|b", "1|a|b;DROP")) {
			for (String path : List.of("/tasks", "/tasks/rows")) {
				HttpResponse<String> answer = get(path + "?view=team&after=" + URLEncoder.encode(after,
						StandardCharsets.UTF_8), "en");
				assertThat(answer.statusCode()).as(path + " after " + after).isEqualTo(400);
			}
		}
		long start = System.nanoTime();
		HttpResponse<String> huge = get("/tasks?view=team&sort=amount&after=" + URLEncoder.encode("1e999999|a|b",
				StandardCharsets.UTF_8), "en");
		assertThat(huge.statusCode()).isEqualTo(400);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		assertThat(get("/tasks?view=team&sort=due&after=" + URLEncoder.encode("2026-01-31|C-1|Task_CourtesyCall",
				StandardCharsets.UTF_8), "en").statusCode())
			.isEqualTo(200);
	}

	@Test
	void aPageNoteFollowsTheTextRuleOfTheApi() throws Exception {
		signIn("collector");
		String page = get("/tasks?view=team", "en").body();
		HttpResponse<String> refused = post("/tasks/group/Task_CourtesyCall/note", Map.of("customer", "X", "note",
				"rappel \u202Eexe.pdf", "_csrf", csrf(page)));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("U+202E");
	}

	@Test
	void pagesSpeakTheBrowsersLanguageAndTheSwitchKeepsTheChoice() throws Exception {
		signIn("collector");
		assertThat(get("/tasks?view=team", "fr-FR,fr;q=0.9").body()).contains("Tâches de mon équipe");
		assertThat(get("/tasks?view=team", "en-GB").body()).contains("My team&#39;s tasks");
		assertThat(get("/tasks?view=team&lang=fr", "en-GB").body()).contains("Tâches de mon équipe");
		assertThat(get("/tasks?view=team", "en-GB").body()).contains("Tâches de mon équipe");
	}

	@Test
	void theFormIsServedToFormJsAndAnUnknownFormIsNotFound() throws Exception {
		signIn("collector");
		HttpResponse<String> form = get("/forms/courtesy-call", "en");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("\"id\":\"courtesy-call\"");
		assertThat(get("/forms/nope", "en").statusCode()).isEqualTo(404);
		assertThat(get("/forms/..%2Fapplication", "en").statusCode()).isIn(400, 404);
	}

	/** A courtesy call from the worklist's test diagram on a new invoice; returns the open task's id. */
	private long openCall() {
		String number = invoice();
		engine.newCreateInstanceCommand().bpmnProcessId("Worklist_CourtesyCall").latestVersion()
			.variables(Map.of("invoiceNumber", number)).send().join();
		await().atMost(Duration.ofSeconds(20)).until(() -> new Api(port, "auditor", "demo")
			.get("/api/tasks?state=OPEN&invoiceNumber=" + number).body().size() == 1);
		return new Api(port, "auditor", "demo").get("/api/tasks?invoiceNumber=" + number).body().get(0).get("id")
			.asLong();
	}

	/** This test's one invoice. */
	private String number() {
		return "PG-" + run;
	}

	private String invoice() {
		String number = number();
		Map<String, Object> invoice = new LinkedHashMap<>(new Dunning(port).invoice(number,
				new Dunning(port).today().plusYears(1), "300.00", "B2B"));
		invoice.put("customerId", "C-P" + run);
		invoice.put("customerName", "Pages " + run);
		assertThat(new Api(port, "integrator", "demo").post("/api/invoices", invoice).status()).isEqualTo(200);
		return number;
	}

	private void signIn(String user) throws Exception {
		String login = get("/login", "en").body();
		HttpResponse<String> response = post("/login", Map.of("username", user, "password", "demo", "_csrf",
				csrf(login)));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
			.doesNotContain("error"));
	}

	private static String csrf(String page) {
		Matcher m = CSRF.matcher(page);
		assertThat(m.find()).as("a CSRF field in the page").isTrue();
		return m.group(1);
	}

	private HttpResponse<String> get(String path, String language) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A page as a browser asks for it: HTML, in French. */
	private HttpResponse<String> page(String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").header("Accept-Language", "fr-FR,fr;q=0.9")
			.GET().build(), HttpResponse.BodyHandlers.ofString());
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
