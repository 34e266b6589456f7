package io.dunning.escalation.pause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.dunning.Api;
import io.dunning.Dunning;
import io.dunning.IntegrationTest;
import io.dunning.escalation.PauseView;
import io.dunning.escalation.cases.Cases;
import io.grpc.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Disputes and blocks on bpmn/dunning-escalation.bpmn, on the embedded engine with its clock moved forward. */
class PausePathTest extends IntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	Cases cases;

	@Autowired
	CamundaClient engine;

	@Autowired
	Pauses pauses;

	Dunning dunning;

	@BeforeEach
	void setUp() {
		dunning = new Dunning(port);
	}

	@Test
	void aDisputeHoldsThePathAndResolvedInOurFavourResumesWithItsTimersMovedByTheDaysHeld() {
		// Due 4 days ago: the friendly email went out at once; the formal one is due 10 days from now.
		String number = friendlyEmailSent("DISP");

		raise(number, "QUALITY", "Pièces défectueuses");
		JsonNode resolution = dunning.awaitOpenTask(number, "Task_ResolveDispute");
		assertThat(resolution.get("candidateGroup").asText()).isEqualTo("managers");
		assertThat(resolution.get("formId").asText()).isEqualTo("dispute-resolution");
		assertThat(pauses.forInvoice(number)).extracting(PauseView::kind).containsExactly("DISPUTE");

		// Twenty days held: the formal reminder's date passes while the dispute is open.
		dunning.advance("P20D");
		dunning.complete("manager", resolution, Map.of("resolution", "IN_OUR_FAVOUR", "comment", "Pièces conformes"));

		// The path is back at its step (a later event than the held timer's date): nothing went out meanwhile.
		awaitHistory(number, "PATH_RESUMED");
		dunning.awaitStep(number, "Timer_FormalReminderDue");
		assertThat(channels(number)).containsExactly("EMAIL Task_SendFriendlyEmail");
		assertThat(resumed(number).get("details").get("pausedDays").asInt()).isEqualTo(20);
		assertThat(pauses.forInvoice(number)).isEmpty();

		// Due + 14 + 20 days at the contact time, whatever the time of day now: not nine days on, but two more.
		dunning.advance("P9D");
		Instant nineDaysOn = dunning.now();
		dunning.advance("P2D");
		await().atMost(PATIENCE).until(() -> channels(number).contains("SMS Task_SendFormalSms"));
		assertThat(sentAt(number, "Task_SendFormalEmail")).isAfter(nineDaysOn.plus(Duration.ofHours(12)));
		assertThat(types(number)).contains("DISPUTE_RAISED", "PATH_HELD", "DISPUTE_RESOLVED", "PATH_RESUMED");
		assertThat(history(number, "DISPUTE_RESOLVED").getFirst().get("actor").asText()).isEqualTo("manager");
	}

	@Test
	void aFullCreditNoteCancelsTheInvoiceAndEndsTheCase() {
		String number = friendlyEmailSent("CREDFULL");
		raise(number, "PRICE", null);

		dunning.complete("manager", dunning.awaitOpenTask(number, "Task_ResolveDispute"),
				Map.of("resolution", "CREDIT_NOTE", "creditAmount", 1250.00, "creditNoteReference", "AV-1"));

		dunning.awaitCaseStatus(number, "CANCELLED");
		assertThat(dunning.status(number).get("status").asText()).isEqualTo("CANCELLED");
		assertThat(dunning.status(number).get("balance").decimalValue()).isEqualByComparingTo("0");
		assertThat(types(number)).contains("CREDIT_NOTE_APPLIED", "INVOICE_CANCELLED", "CASE_CLOSED");
		awaitInstanceEnded(number);
	}

	@Test
	void aPartialCreditNoteLowersTheBalanceAndThePathResumes() {
		String number = friendlyEmailSent("CREDPART");
		raise(number, "DELIVERY", "Un colis manquant");

		dunning.complete("manager", dunning.awaitOpenTask(number, "Task_ResolveDispute"),
				Map.of("resolution", "CREDIT_NOTE", "creditAmount", 250.00, "creditNoteReference", "AV-2"));

		awaitHistory(number, "PATH_RESUMED");
		dunning.awaitStep(number, "Timer_FormalReminderDue");
		assertThat(dunning.status(number).get("balance").decimalValue()).isEqualByComparingTo("1000.00");
		assertThat(dunning.status(number).at("/case/status").asText()).isEqualTo("OPEN");
	}

	@Test
	void aCorrectedInvoiceStartsThePathAgainOnItsNewDueDate() {
		String number = friendlyEmailSent("CORR");
		raise(number, "PRICE", "Mauvais tarif");
		LocalDate newDue = dunning.today().plusDays(10);
		dunning.pay(number, "200.00");
		JsonNode resolution = dunning.awaitOpenTask(number, "Task_ResolveDispute");

		// What was paid stays paid: a new amount at or below it is refused next to its field, and the task stays open.
		Api.Response tooLow = dunning.as("manager").post("/api/tasks/" + resolution.get("id").asText() + "/complete",
				Map.of("variables", Map.of("resolution", "CORRECTED", "newDueDate", newDue.toString(), "newAmount",
						150.00)));
		assertThat(tooLow.status()).isEqualTo(400);
		assertThat(tooLow.text()).contains("newAmount", "€200.00 already paid");
		dunning.complete("manager", resolution,
				Map.of("resolution", "CORRECTED", "newDueDate", newDue.toString(), "newAmount", 1100.00));

		dunning.awaitStep(number, "Timer_FriendlyReminderDue");
		JsonNode invoice = dunning.status(number);
		assertThat(invoice.get("dueDate").asText()).isEqualTo(newDue.toString());
		assertThat(invoice.get("balance").decimalValue()).isEqualByComparingTo("900.00");
		assertThat(types(number)).contains("INVOICE_CORRECTED");
		// The friendly email comes again three days after the new due date, not before.
		dunning.advance("P12D");
		Instant twelveDaysOn = dunning.now();
		dunning.advance("P2D");
		await().atMost(PATIENCE).until(() -> dunning.status(number).at("/case/currentStep").asText()
			.equals("Timer_FormalReminderDue") && history(number, "STEP_LEFT").stream()
				.anyMatch(h -> h.get("elementId").asText().equals("Timer_FriendlyReminderDue")
						&& Instant.parse(h.get("at").asText()).isAfter(twelveDaysOn.plus(Duration.ofHours(12)))));
	}

	@Test
	void aBlockHoldsThePathUntilItsExpiryAndThenItResumesByItself() {
		String number = friendlyEmailSent("BLOCK");
		LocalDate expiresOn = dunning.today().plusDays(15);
		Api.Response block = dunning.as("manager").post("/api/blocks",
				Map.of("invoiceNumber", number, "reason", "Litige commercial en cours", "expiresOn", expiresOn.toString()));
		assertThat(block.status()).as(block.text()).isEqualTo(201);
		dunning.awaitStep(number, "Task_AwaitBlockLifted");
		assertThat(pauses.forInvoice(number)).extracting(PauseView::kind).containsExactly("BLOCK");

		// Past the formal reminder's date, and past the expiry: the engine's timer resumes the path by itself. The
		// clock jumps a day past the expiry, so the path was held 16 days when the engine resumed it.
		dunning.advance("P16D");

		awaitHistory(number, "PATH_RESUMED");
		dunning.awaitStep(number, "Timer_FormalReminderDue");
		assertThat(channels(number)).containsExactly("EMAIL Task_SendFriendlyEmail");
		assertThat(resumed(number).get("details").get("pausedDays").asInt()).isEqualTo(16);
		assertThat(types(number)).contains("BLOCK_SET", "PATH_HELD");
		assertThat(dunning.as("manager").get("/api/blocks").body().findValuesAsText("invoiceNumber"))
			.doesNotContain(number);
	}

	@Test
	void aCustomerBlockHoldsEachOfItsCasesAndLiftingItResumesThem() {
		String customer = "C-" + Dunning.newInvoiceNumber("CUST");
		String first = customerInvoice(customer);
		String second = customerInvoice(customer);
		dunning.awaitStep(first, "Timer_FormalReminderDue");
		dunning.awaitStep(second, "Timer_FormalReminderDue");

		Api.Response block = dunning.as("manager").post("/api/blocks", Map.of("customerId", customer, "reason",
				"Redressement judiciaire", "expiresOn", dunning.today().plusDays(60).toString()));
		assertThat(block.status()).as(block.text()).isEqualTo(201);
		dunning.awaitStep(first, "Task_AwaitBlockLifted");
		dunning.awaitStep(second, "Task_AwaitBlockLifted");
		assertThat(pauses.forCustomer(customer)).extracting(PauseView::customerId).containsExactly(customer);

		assertThat(dunning.as("manager").delete("/api/blocks/" + block.body().get("id").asLong()).status())
			.isEqualTo(204);

		dunning.awaitStep(first, "Timer_FormalReminderDue");
		dunning.awaitStep(second, "Timer_FormalReminderDue");
		assertThat(types(first)).contains("BLOCK_SET", "BLOCK_LIFTED", "PATH_RESUMED");
		assertThat(pauses.forCustomer(customer)).isEmpty();
	}

	@Test
	void anInvoiceOpenedWhileItsCustomerIsBlockedStartsHeldAndItsPathBeginsAtTheExpiry() {
		String customer = "C-" + Dunning.newInvoiceNumber("LATE");
		String earlier = customerInvoice(customer);
		dunning.awaitStep(earlier, "Timer_FormalReminderDue");
		Api.Response block = dunning.as("manager").post("/api/blocks", Map.of("customerId", customer, "reason",
				"Plan de sauvegarde", "expiresOn", dunning.today().plusDays(10).toString()));
		assertThat(block.status()).as(block.text()).isEqualTo(201);

		// Four days overdue when it arrives: without the block its friendly email would go out at once.
		String later = customerInvoice(customer);

		dunning.awaitStep(later, "Task_AwaitBlockLifted");
		assertThat(history(later, "PATH_HELD").getFirst().get("details").get("blockId").asLong())
			.isEqualTo(block.body().get("id").asLong());
		// Had its path begun before the hold, the friendly email would have been written before it reached this wait.
		assertThat(dunning.outbox(later)).isEmpty();

		dunning.advance("P11D");

		awaitHistory(later, "PATH_RESUMED");
		await().atMost(PATIENCE).until(() -> channels(later).contains("EMAIL Task_SendFriendlyEmail"));
		assertThat(resumed(later).get("details").get("resumeStep").asText()).isEqualTo("start");
	}

	@Test
	void aPaymentDuringADisputeEndsTheCasePaid() {
		String number = friendlyEmailSent("PAYDISP");
		raise(number, "ALREADY_PAID", "Virement du 3");
		dunning.awaitOpenTask(number, "Task_ResolveDispute");

		dunning.pay(number, "1250.00");

		dunning.awaitCaseStatus(number, "PAID");
		awaitInstanceEnded(number);
		await().atMost(PATIENCE).until(() -> dunning.openTasks(number).isEmpty());
	}

	@Test
	void aPaymentDuringABlockEndsTheCasePaid() {
		String number = friendlyEmailSent("PAYBLOCK");
		dunning.as("manager").post("/api/blocks", Map.of("invoiceNumber", number, "reason", "Attente virement",
				"expiresOn", dunning.today().plusDays(30).toString()));
		dunning.awaitStep(number, "Task_AwaitBlockLifted");

		dunning.pay(number, "1250.00");

		dunning.awaitCaseStatus(number, "PAID");
		awaitInstanceEnded(number);
	}

	@Test
	void aDisputeDuringABlockIsResolvedFirstAndTheBlockStillHolds() {
		String number = friendlyEmailSent("BOTH");
		dunning.as("manager").post("/api/blocks", Map.of("invoiceNumber", number, "reason", "Attente",
				"expiresOn", dunning.today().plusDays(30).toString()));
		dunning.awaitStep(number, "Task_AwaitBlockLifted");

		raise(number, "OTHER", null);
		dunning.complete("manager", dunning.awaitOpenTask(number, "Task_ResolveDispute"),
				Map.of("resolution", "IN_OUR_FAVOUR"));

		dunning.awaitStep(number, "Task_AwaitBlockLifted");
		assertThat(types(number)).doesNotContain("PATH_RESUMED");
	}

	@Test
	void aDisputeRaisedDuringTheCallHoldsThePathUntilItIsResolved() {
		String number = dunning.overdueInvoice("CALLDISP", 22, "900.00");
		dunning.awaitStep(number, "Timer_FormalReminderDue");
		dunning.advance("P7D");
		dunning.awaitStep(number, "Timer_CourtesyCallDue");
		dunning.advance("P7D");
		JsonNode call = dunning.awaitOpenTask(number, "Task_CourtesyCall");

		dunning.complete("collector", call,
				Map.of("outcome", "DISPUTED", "disputeReason", "DELIVERY", "disputeComment", "Jamais livré"));

		JsonNode resolution = dunning.awaitOpenTask(number, "Task_ResolveDispute");
		assertThat(pauses.forInvoice(number)).extracting(PauseView::reason).containsExactly("DELIVERY");
		dunning.complete("manager", resolution, Map.of("resolution", "IN_OUR_FAVOUR"));
		// Resumed at the wait for the next call, the contact gap after this one.
		awaitHistory(number, "PATH_RESUMED");
		dunning.awaitStep(number, "Timer_CourtesyCallDue");
	}

	@Test
	void aCallLeavesTheListsWhileItsCaseIsBlockedAndComesBackAtTheLiftWithItsSlaMoved() {
		String number = dunning.overdueInvoice("CALLBLOCK", 22, "900.00");
		dunning.awaitStep(number, "Timer_FormalReminderDue");
		dunning.advance("P7D");
		dunning.awaitStep(number, "Timer_CourtesyCallDue");
		dunning.advance("P7D");
		JsonNode call = dunning.awaitOpenTask(number, "Task_CourtesyCall");

		Api.Response blocked = dunning.as("manager").post("/api/blocks", Map.of("invoiceNumber", number, "reason",
				"Client hospitalisé", "expiresOn", dunning.today().plusDays(30).toString()));
		assertThat(blocked.status()).as(blocked.text()).isEqualTo(201);

		// Out of every list (they all read the open tasks) while the case is held, and never completed meanwhile.
		await().atMost(PATIENCE).until(() -> dunning.openTasks(number).isEmpty());
		assertThat(history(number, "TASK_CANCELLED")).singleElement()
			.satisfies(h -> assertThat(h.get("details").get("reason").asText()).isEqualTo("case held by a block"));
		Api.Response completing = dunning.as("collector").post("/api/tasks/" + call.get("id").asLong() + "/claim",
				Map.of());
		assertThat(completing.status()).isEqualTo(409);

		// Held a week, more than the call's two business days; lifted, the call is back with its SLA ahead of it.
		dunning.advance("P7D");
		assertThat(dunning.as("manager").delete("/api/blocks/" + blocked.body().get("id").asLong()).status())
			.isEqualTo(204);
		JsonNode back = await().atMost(PATIENCE).until(() -> dunning.openTasks(number), open -> !open.isEmpty())
			.getFirst();
		assertThat(back.get("elementId").asText()).isEqualTo("Task_CourtesyCall");
		assertThat(back.get("id").asLong()).isNotEqualTo(call.get("id").asLong());
		List<String> businessDays = businessDays(number);
		assertThat(OffsetDateTime.parse(businessDays.get(1)).toInstant()).as("the SLA's second business day")
			.isAfter(dunning.now());

		// The moved SLA still fires, once, when its days have passed.
		dunning.advance("P5D");
		awaitHistory(number, "SLA_BREACHED");
		assertThat(history(number, "SLA_BREACHED")).hasSize(1);
	}

	@SuppressWarnings("unchecked")
	private List<String> businessDays(String number) {
		try {
			Map<String, Object> variables = new ObjectMapper()
				.readValue(cases.findByInvoice(number).orElseThrow().variables(), Map.class);
			return (List<String>) variables.get("businessDays");
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private String friendlyEmailSent(String prefix) {
		String number = dunning.overdueInvoice(prefix, 4, "1250.00");
		dunning.awaitStep(number, "Timer_FormalReminderDue");
		assertThat(channels(number)).containsExactly("EMAIL Task_SendFriendlyEmail");
		return number;
	}

	private String customerInvoice(String customer) {
		String number = Dunning.newInvoiceNumber("CUSTINV");
		Map<String, Object> invoice = new LinkedHashMap<>(dunning.invoice(number, dunning.today().minusDays(4), "500.00",
				"B2B"));
		invoice.put("customerId", customer);
		Api.Response response = dunning.as("integrator").post("/api/invoices", invoice);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return number;
	}

	private void raise(String number, String reason, String comment) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("reason", reason);
		body.put("comment", comment);
		Api.Response raised = dunning.as("integrator").post("/api/invoices/" + number + "/disputes", body);
		assertThat(raised.status()).as(raised.text()).isEqualTo(201);
	}

	private void awaitHistory(String number, String type) {
		await().atMost(PATIENCE).until(() -> types(number).contains(type));
	}

	private JsonNode resumed(String number) {
		return history(number, "PATH_RESUMED").getLast();
	}

	private List<JsonNode> history(String number, String type) {
		return dunning.history(number).stream().filter(h -> h.get("type").asText().equals(type)).toList();
	}

	private List<String> types(String number) {
		return dunning.history(number).stream().map(h -> h.get("type").asText()).toList();
	}

	private List<String> channels(String number) {
		return dunning.outbox(number).stream().map(m -> m.get("channel").asText() + " " + m.get("step").asText()).toList();
	}

	private Instant sentAt(String number, String step) {
		return dunning.outbox(number).stream()
			.filter(m -> m.get("step").asText().equals(step))
			.map(m -> Instant.parse(m.get("createdAt").asText()))
			.findFirst()
			.orElseThrow();
	}

	/** The engine answers NOT_FOUND for an instance that has ended. */
	private void awaitInstanceEnded(String number) {
		await().atMost(PATIENCE).until(() -> {
			Long instance = cases.findByInvoice(number).orElseThrow().processInstanceKey();
			if (instance == null) {
				return false;
			}
			try {
				engine.newSetVariablesCommand(instance).variables(Map.of("probe", 1)).send().join();
				return false;
			}
			catch (ClientStatusException e) {
				return e.getStatusCode() == Status.Code.NOT_FOUND;
			}
		});
	}

}
