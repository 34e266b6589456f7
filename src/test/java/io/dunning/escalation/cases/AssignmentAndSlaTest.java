package io.dunning.escalation.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunning.Api;
import io.dunning.AppInstance;
import io.dunning.Dunning;
import io.dunning.RequiresDatabase;
import io.dunning.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The assignment decision (bpmn/assignment.dmn) and the SLA timers of bpmn/dunning-escalation.bpmn, on the embedded
 * engine with its clock moved forward. An application of its own, on a fresh database, with a managers' address to
 * notify.
 */
@RequiresDatabase
class AssignmentAndSlaTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static AppInstance app;
	static Dunning dunning;
	static JdbcClient jdbc;

	@BeforeAll
	static void start() {
		Map<String, String> properties = new HashMap<>(TestDatabase.fresh("sla"));
		properties.put("dunning.worklist.sla.notify-email", "managers@example.com");
		properties.put("dunning.worklist.sla.notify-language", "en");
		app = AppInstance.start(properties);
		dunning = app.dunning();
		jdbc = app.bean(JdbcClient.class);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void largeAmountsAndKeyAccountsGoToTheSeniorCollectorsAndOnlyTheySeeThem() {
		String large = invoice("BIG", 22, "12000.00", null);
		String small = invoice("SMALL", 22, "480.00", null);
		String keyAccount = invoice("KEY", 22, "300.00", "key-account");
		reachCourtesyCalls(large, small, keyAccount);

		assertThat(dunning.awaitOpenTask(large, "Task_CourtesyCall").get("candidateGroup").asText())
			.isEqualTo("senior-collectors");
		assertThat(dunning.awaitOpenTask(small, "Task_CourtesyCall").get("candidateGroup").asText())
			.isEqualTo("collectors");
		assertThat(dunning.awaitOpenTask(keyAccount, "Task_CourtesyCall").get("candidateGroup").asText())
			.isEqualTo("senior-collectors");

		assertThat(visibleTo("senior", large)).hasSize(1);
		assertThat(visibleTo("collector", large)).isEmpty();
		assertThat(visibleTo("collector", small)).hasSize(1);
		assertThat(visibleTo("senior", small)).isEmpty();
		Api.Response refused = dunning.as("collector")
			.post("/api/tasks/" + dunning.awaitOpenTask(large, "Task_CourtesyCall").get("id").asText() + "/claim", Map.of());
		assertThat(refused.status()).isEqualTo(403);

		// Whatever the amount, the approval that follows stays with the managers.
		dunning.complete("senior", dunning.awaitOpenTask(large, "Task_CourtesyCall"), Map.of("outcome", "NO_ANSWER"));
		assertThat(dunning.awaitOpenTask(large, "Task_ApproveFormalNotice").get("candidateGroup").asText())
			.isEqualTo("managers");
	}

	@Test
	void aPartialPaymentBelowTheSeniorThresholdSendsTheCallToTheCollectors() {
		String number = invoice("PARTIAL", 22, "12000.00", null);
		dunning.awaitStep(number, "Timer_FormalReminderDue");

		dunning.pay(number, "5000.00");
		reachCourtesyCalls(number);

		assertThat(dunning.awaitOpenTask(number, "Task_CourtesyCall").get("candidateGroup").asText())
			.isEqualTo("collectors");
	}

	@Test
	void aCaseRestartedAtItsCallKeepsItsGroupAndItsDeadlineAndFallsBackWithoutThem() {
		String number = invoice("RESTART", 22, "15000.00", null);
		reachCourtesyCalls(number);
		JsonNode task = dunning.awaitOpenTask(number, "Task_CourtesyCall");
		assertThat(task.get("candidateGroup").asText()).isEqualTo("senior-collectors");
		String deadlines = snapshot(number, "businessDays");
		assertThat(deadlines).isNotBlank();

		restartAtItsStep(number, task);

		JsonNode restarted = dunning.awaitOpenTask(number, "Task_CourtesyCall");
		assertThat(restarted.get("id").asText()).isEqualTo(task.get("id").asText());
		assertThat(restarted.get("candidateGroup").asText()).isEqualTo("senior-collectors");
		// The restarted instance saved its variables as it entered the call: the deadline is the one it had.
		assertThat(snapshot(number, "businessDays")).isEqualTo(deadlines);

		// A case saved before the decision existed has neither variable: the task opens all the same, with the
		// expression's default group and a deadline counted from the restart.
		jdbc.sql("UPDATE dunning_case SET variables = JSON_REMOVE(variables, '$.assignment', '$.businessDays') "
				+ "WHERE invoice_number = ?").param(number).update();
		restartAtItsStep(number, restarted);
		assertThat(dunning.awaitOpenTask(number, "Task_CourtesyCall").get("candidateGroup").asText())
			.isEqualTo("collectors");
	}

	/**
	 * Three calls: one opened on a Thursday, one on a Friday, one on a Friday done at once. The calls' SLA is two
	 * business days: Thursday's passes on Monday, Friday's on Tuesday (not on Sunday), the one done in time never.
	 */
	@Test
	void aCallNotDoneInTwoBusinessDaysRaisesItsPriorityAndTellsTheManagers() throws Exception {
		advanceTo(DayOfWeek.THURSDAY, LocalTime.of(10, 0));
		String thursday = invoice("THU", 60, "700.00", null);
		dunning.awaitStep(thursday, "Timer_FormalReminderDue");
		dunning.advance("P1D");
		String friday = invoice("FRI", 60, "12000.00", null);
		String done = invoice("DONE", 60, "650.00", null);
		dunning.awaitStep(friday, "Timer_FormalReminderDue");
		dunning.awaitStep(done, "Timer_FormalReminderDue");
		// Each contact comes 7 days after the previous one: formal reminders, then the calls, on the same weekdays.
		dunning.advance("P6D");
		dunning.awaitStep(thursday, "Timer_CourtesyCallDue");
		dunning.advance("P1D");
		dunning.awaitStep(friday, "Timer_CourtesyCallDue");
		dunning.awaitStep(done, "Timer_CourtesyCallDue");
		dunning.advance("P6D");
		JsonNode thursdayCall = dunning.awaitOpenTask(thursday, "Task_CourtesyCall");
		dunning.advance("P1D");
		JsonNode fridayCall = dunning.awaitOpenTask(friday, "Task_CourtesyCall");
		JsonNode doneCall = dunning.awaitOpenTask(done, "Task_CourtesyCall");
		assertThat(localDay(opened(fridayCall))).isEqualTo(DayOfWeek.FRIDAY);
		assertThat(localDay(opened(thursdayCall))).isEqualTo(DayOfWeek.THURSDAY);
		dunning.complete("collector", doneCall,
				Map.of("outcome", "PROMISE_TO_PAY", "promisedDate", dunning.today().plusDays(20).toString()));
		dunning.awaitStep(done, "Timer_PromiseDeadline");
		long fridayBase = priorityBase(fridayCall);

		// Monday, two hours past the calls' time of day (room for a change of summer time meanwhile).
		dunning.advance("P3DT2H");

		await().atMost(PATIENCE).until(() -> slaBreaches(thursday) == 1);
		// Thursday's SLA passed on Monday, after Friday's would have on Sunday had weekends counted: none yet.
		assertThat(slaBreaches(friday)).isZero();
		assertThat(jdbc.sql("SELECT sla_passed_at FROM task WHERE id = ?").param(fridayCall.get("id").asLong())
			.query(java.sql.Timestamp.class).optional()).isEmpty();
		assertThat(dunning.openTasks(friday).getFirst().path("slaPassedAt").asText(null)).isNull();

		// Tuesday.
		dunning.advance("P1D");

		await().atMost(PATIENCE).until(() -> slaBreaches(friday) == 1);
		assertThat(priorityBase(fridayCall)).isEqualTo(fridayBase + 30);
		await().atMost(PATIENCE).until(() -> slaEmails(friday).size() == 1);
		JsonNode email = slaEmails(friday).getFirst();
		assertThat(email.get("recipient").asText()).isEqualTo("managers@example.com");
		assertThat(email.get("subject").asText()).contains("SLA passed", "Courtesy call", friday);
		// The timer does not interrupt: the call is still open and the case still stands at it.
		assertThat(dunning.openTasks(friday)).hasSize(1);
		// The API marks it as the list does.
		assertThat(dunning.openTasks(friday).getFirst().path("slaPassedAt").asText(null)).isNotNull();
		assertThat(dunning.status(friday).at("/case/currentStep").asText()).isEqualTo("Task_CourtesyCall");
		// The call done in time went on along its path, and nobody hears of its SLA, then or later.
		assertThat(slaBreaches(done)).isZero();
		assertThat(slaEmails(done)).isEmpty();
		assertThat(dunning.status(done).at("/case/currentStep").asText()).isEqualTo("Timer_PromiseDeadline");

		// The managers' list shows the passed SLAs, with the reason in the priority.
		HttpClient browser = signIn("manager");
		String page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + dunning.port()
				+ "/tasks?view=all&slaPassed=on&customer=" + friday)).header("Accept-Language", "en").GET().build(),
				HttpResponse.BodyHandlers.ofString()).body();
		assertThat(page).contains("Customer " + friday, "SLA passed on " + fridaySlaDay(friday));

		// An approval has one business day.
		dunning.complete("collector", dunning.awaitOpenTask(thursday, "Task_CourtesyCall"), Map.of("outcome", "REFUSED"));
		JsonNode approval = dunning.awaitOpenTask(thursday, "Task_ApproveFormalNotice");
		dunning.advance("PT26H");
		await().atMost(PATIENCE).until(() -> slaBreaches(thursday) == 2);
		assertThat(jdbc.sql("SELECT sla_passed_at FROM task WHERE id = ?").param(approval.get("id").asLong())
			.query(java.sql.Timestamp.class).optional()).isPresent();
	}

	private static String invoice(String prefix, int daysOverdue, String amount, String segment) {
		String number = Dunning.newInvoiceNumber(prefix);
		Map<String, Object> invoice = dunning.invoice(number, dunning.today().minusDays(daysOverdue), amount, "B2B");
		invoice.put("customerName", "Customer " + number);
		if (segment != null) {
			invoice.put("segment", segment);
		}
		Api.Response response = dunning.as("integrator").post("/api/invoices", invoice);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return number;
	}

	/** New cases 22 days overdue reach their call two contacts later, 7 days apart. */
	private static void reachCourtesyCalls(String... numbers) {
		for (String number : numbers) {
			dunning.awaitStep(number, "Timer_FormalReminderDue");
		}
		dunning.advance("P7D");
		for (String number : numbers) {
			dunning.awaitStep(number, "Timer_CourtesyCallDue");
		}
		dunning.advance("P7D");
		for (String number : numbers) {
			dunning.awaitOpenTask(number, "Task_CourtesyCall");
		}
	}

	/** As after a restart of the engine: the case starts again, before the step it had reached. */
	private static void restartAtItsStep(String number, JsonNode task) {
		long jobKey = jdbc.sql("SELECT job_key FROM task WHERE id = ?").param(task.get("id").asLong())
			.query(Long.class).single();
		jdbc.sql("UPDATE dunning_case SET engine_run = NULL WHERE invoice_number = ?").param(number).update();
		app.bean(CaseRehydrator.class).retryStranded();
		await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT job_key FROM task WHERE id = ?")
			.param(task.get("id").asLong()).query(Long.class).single() != jobKey);
	}

	private static String snapshot(String number, String variable) {
		return jdbc.sql("SELECT JSON_EXTRACT(variables, ?) FROM dunning_case WHERE invoice_number = ?")
			.params("$." + variable, number)
			.query(String.class)
			.single();
	}

	private static List<JsonNode> visibleTo(String user, String number) {
		JsonNode tasks = dunning.as(user).get("/api/tasks?state=OPEN&invoiceNumber=" + number).body();
		return java.util.stream.StreamSupport.stream(tasks.spliterator(), false).toList();
	}

	private static void advanceTo(DayOfWeek day, LocalTime time) {
		ZonedDateTime now = dunning.now().atZone(Dunning.ZONE);
		ZonedDateTime target = now.with(TemporalAdjusters.next(day)).with(time);
		dunning.advance(Duration.between(now, target).toString());
	}

	private static Instant opened(JsonNode task) {
		return jdbc.sql("SELECT created_at FROM task WHERE id = ?").param(task.get("id").asLong())
			.query(java.sql.Timestamp.class).single().toInstant();
	}

	private static DayOfWeek localDay(Instant instant) {
		return instant.atZone(Dunning.ZONE).getDayOfWeek();
	}

	private static long priorityBase(JsonNode task) {
		return jdbc.sql("SELECT priority_base FROM task WHERE id = ?").param(task.get("id").asLong())
			.query(Long.class).single();
	}

	private static long slaBreaches(String number) {
		return dunning.history(number).stream().filter(h -> h.get("type").asText().equals("SLA_BREACHED")).count();
	}

	private static String fridaySlaDay(String number) {
		Instant at = dunning.history(number).stream()
			.filter(h -> h.get("type").asText().equals("SLA_BREACHED"))
			.map(h -> Instant.parse(h.get("at").asText()))
			.findFirst()
			.orElseThrow();
		return java.time.format.DateTimeFormatter.ofPattern("dd/MM").format(at.atZone(Dunning.ZONE));
	}

	private static List<JsonNode> slaEmails(String number) {
		return dunning.outbox(number).stream().filter(m -> m.get("step").asText().contains(":sla:")).toList();
	}

	private static HttpClient signIn(String user) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + dunning.port() + "/login"))
			.GET().build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = CSRF.matcher(login);
		assertThat(csrf.find()).isTrue();
		String form = Map.of("username", user, "password", "demo", "_csrf", csrf.group(1)).entrySet().stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:"
				+ dunning.port() + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		return browser;
	}

}
