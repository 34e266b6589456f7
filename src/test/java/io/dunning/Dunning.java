package io.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** The product driven through its public API, as the README tour drives it. */
public class Dunning {

	public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private final int port;

	public Dunning(int port) {
		this.port = port;
	}

	public Api as(String user) {
		return new Api(port, user);
	}

	public int port() {
		return port;
	}

	public static String newInvoiceNumber(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	public Instant now() {
		return Instant.parse(as("admin").post("/api/admin/clock/advance", Map.of("duration", "PT0S")).body().get("now").asText());
	}

	public LocalDate today() {
		return LocalDate.ofInstant(now(), ZONE);
	}

	public void advance(String duration) {
		Api.Response response = as("admin").post("/api/admin/clock/advance", Map.of("duration", duration));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
	}

	public Map<String, Object> invoice(String number, LocalDate dueDate, String amount, String type) {
		Map<String, Object> invoice = new LinkedHashMap<>();
		invoice.put("invoiceNumber", number);
		invoice.put("customerId", "C-" + number);
		invoice.put("customerName", "Atelier Martin");
		invoice.put("customerType", type);
		invoice.put("language", "fr");
		invoice.put("email", "compta@atelier-martin.fr");
		invoice.put("phone", "+33612345678");
		invoice.put("amount", amount);
		invoice.put("currency", "EUR");
		invoice.put("issueDate", dueDate.minusDays(30).toString());
		invoice.put("dueDate", dueDate.toString());
		return invoice;
	}

	/** Posts one invoice due {@code daysOverdue} days ago and returns its number. */
	public String overdueInvoice(String prefix, int daysOverdue, String amount) {
		String number = newInvoiceNumber(prefix);
		Api.Response response = as("integrator").post("/api/invoices",
				invoice(number, today().minusDays(daysOverdue), amount, "B2B"));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return number;
	}

	public JsonNode status(String number) {
		return as("integrator").get("/api/invoices/" + number).body();
	}

	public void awaitStep(String number, String step) {
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(number).at("/case/currentStep").asText())
			.as("current step of " + number).isEqualTo(step));
	}

	public void awaitCaseStatus(String number, String caseStatus) {
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(number).at("/case/status").asText())
			.as("case status of " + number).isEqualTo(caseStatus));
	}

	public List<JsonNode> history(String number) {
		List<JsonNode> entries = new ArrayList<>();
		as("auditor").get("/api/invoices/" + number + "/history").body().forEach(entries::add);
		return entries;
	}

	public List<JsonNode> outbox(String number) {
		List<JsonNode> messages = new ArrayList<>();
		as("auditor").get("/api/outbox?invoiceNumber=" + number).body().forEach(messages::add);
		return messages;
	}

	public List<JsonNode> openTasks(String number) {
		List<JsonNode> tasks = new ArrayList<>();
		as("auditor").get("/api/tasks?state=OPEN&invoiceNumber=" + number).body().forEach(tasks::add);
		return tasks;
	}

	public JsonNode awaitOpenTask(String number, String elementId) {
		return await().atMost(PATIENCE).until(() -> openTasks(number).stream()
			.filter(t -> t.get("elementId").asText().equals(elementId))
			.findFirst()
			.orElse(null), t -> t != null);
	}

	public void complete(String user, JsonNode task, Map<String, Object> variables) {
		Api.Response response = as(user).post("/api/tasks/" + task.get("id").asText() + "/complete",
				Map.of("variables", variables));
		assertThat(response.status()).as(response.text()).isBetween(200, 204);
	}

	/**
	 * Takes a case waiting for its formal reminder through a courtesy call nobody answers to its approved notice, as the
	 * README tour does.
	 */
	public void approveNoticeAfterAnUnansweredCall(String number) {
		awaitStep(number, "Timer_FormalReminderDue");
		advance("P7D");
		awaitStep(number, "Timer_CourtesyCallDue");
		advance("P7D");
		complete("collector", awaitOpenTask(number, "Task_CourtesyCall"), Map.of("outcome", "NO_ANSWER"));
		complete("manager", awaitOpenTask(number, "Task_ApproveFormalNotice"), Map.of("approved", true));
	}

	public void pay(String number, String amount) {
		Api.Response response = as("integrator").post("/api/payments", Map.of("reference", "PAY-" + UUID.randomUUID(),
				"invoiceNumber", number, "amount", amount, "currency", "EUR", "paidOn", today().toString()));
		assertThat(response.status()).as(response.text()).isEqualTo(201);
	}

}
