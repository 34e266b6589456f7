package io.dunning.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.dunning.Dunning;
import io.dunning.IntegrationTest;
import io.dunning.escalation.cases.Cases;
import io.grpc.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path through bpmn/dunning-escalation.bpmn, on the embedded engine with its clock moved forward. */
class EscalationPathTest extends IntegrationTest {

	@Autowired
	Cases cases;

	@Autowired
	CamundaClient engine;

	Dunning dunning;

	@BeforeEach
	void setUp() {
		dunning = new Dunning(port);
	}

	@Test
	void paidAfterTheFriendlyEmailClosesTheCase() {
		String number = dunning.overdueInvoice("PAID", 4, "1250.00");
		dunning.awaitStep(number, "Timer_FormalReminderDue");
		assertThat(templates(number)).containsExactly("EMAIL Task_SendFriendlyEmail");

		dunning.pay(number, "1250.00");

		dunning.awaitCaseStatus(number, "PAID");
		// Nothing is left in the engine that could send.
		awaitInstanceEnded(number);
	}

	@Test
	void aCaseOpenedLateStartsAtTheFriendlyEmailAndKeepsSevenDaysBetweenContacts() {
		String number = dunning.overdueInvoice("LATE45", 45, "640.00");
		dunning.awaitStep(number, "Timer_FormalReminderDue");
		assertThat(templates(number)).containsExactly("EMAIL Task_SendFriendlyEmail");

		dunning.advance("P6D");
		Instant sixDaysLater = dunning.now();

		dunning.advance("P1D");
		dunning.awaitStep(number, "Timer_CourtesyCallDue");
		assertThat(templates(number)).containsExactly("EMAIL Task_SendFriendlyEmail", "EMAIL Task_SendFormalEmail",
				"SMS Task_SendFormalSms");
		// The formal reminder went out only after the clock's jump to the seventh day, not while it stood at the sixth
		// (a send then would carry a time within seconds of that reading, not a day later).
		assertThat(sentAt(number, "Task_SendFormalEmail")).isAfter(sixDaysLater.plus(Duration.ofHours(12)));
	}

	@Test
	void promiseKeptEndsTheCaseWithoutANotice() {
		String number = reachCourtesyCall("KEPT");
		JsonNode call = dunning.awaitOpenTask(number, "Task_CourtesyCall");
		dunning.complete("collector", call,
				Map.of("outcome", "PROMISE_TO_PAY", "promisedDate", dunning.today().plusDays(5).toString()));
		dunning.awaitStep(number, "Timer_PromiseDeadline");

		dunning.pay(number, "900.00");

		dunning.awaitCaseStatus(number, "PAID");
		// The instance ends before the promise's deadline: nothing is left in the engine to approve or send a notice.
		awaitInstanceEnded(number);
		assertThat(dunning.history(number)).extracting(h -> h.get("type").asText()).contains("CASE_CLOSED");
	}

	@Test
	void promiseBrokenResumesTheEscalationTwoDaysAfterThePromisedDate() {
		String number = reachCourtesyCall("BROKEN");
		dunning.complete("collector", dunning.awaitOpenTask(number, "Task_CourtesyCall"),
				Map.of("outcome", "PROMISE_TO_PAY", "promisedDate", dunning.today().plusDays(3).toString()));
		dunning.awaitStep(number, "Timer_PromiseDeadline");
		dunning.advance("P4D");
		Instant dayAfterThePromise = dunning.now();

		dunning.advance("P2D");

		JsonNode approval = dunning.awaitOpenTask(number, "Task_ApproveFormalNotice");
		// The deadline passed after the clock's jump of two days, not while it stood at the day after the promise.
		assertThat(leftAt(number, "Timer_PromiseDeadline")).isAfter(dayAfterThePromise.plus(Duration.ofDays(1)));
		assertThat(approval.get("candidateGroup").asText()).isEqualTo("managers");
		assertThat(approval.get("formId").asText()).isEqualTo("formal-notice-approval");
	}

	@Test
	void agreedPlanIsWatchedInstalmentByInstalmentAndAMissedOneResumesTheEscalation() {
		String number = reachCourtesyCall("PLAN");
		dunning.complete("collector", dunning.awaitOpenTask(number, "Task_CourtesyCall"), Map.of("outcome", "PLAN_REQUESTED"));
		dunning.complete("collector", dunning.awaitOpenTask(number, "Task_NegotiatePaymentPlan"), Map.of("agreed", true,
				"instalmentCount", 3, "firstInstalmentDate", dunning.today().plusDays(10).toString()));
		dunning.awaitStep(number, "SubProcess_WatchPlan");
		assertThat(dunning.history(number)).extracting(h -> h.get("type").asText()).contains("PLAN_AGREED");

		dunning.pay(number, "300.00");
		dunning.advance("P16D");
		await().atMost(Duration.ofSeconds(20)).until(() -> instalmentChecks(number) == 1);
		assertThat(dunning.openTasks(number)).isEmpty();

		dunning.advance("P31D");

		dunning.awaitOpenTask(number, "Task_ApproveFormalNotice");
		assertThat(dunning.status(number).get("balance").decimalValue()).isEqualByComparingTo("600.00");
	}

	@Test
	void fullEscalationEndsWithTheDossierHandedOver() throws Exception {
		String number = reachCourtesyCall("LEGAL");
		dunning.complete("collector", dunning.awaitOpenTask(number, "Task_CourtesyCall"), Map.of("outcome", "NO_ANSWER"));
		JsonNode approval = dunning.awaitOpenTask(number, "Task_ApproveFormalNotice");
		// The manager sees what the letter will claim, and that it will wait for a postal address.
		assertThat(page("manager", "/tasks/group/Task_ApproveFormalNotice?customer=C-" + number))
			.contains("What the notice will claim", "Principal", "Interest", "Indemnity", "€900.00", "€40.00",
					"The customer has no postal address");
		dunning.complete("manager", approval, Map.of("approved", true, "comment", "Relances sans effet"));
		dunning.complete("collector", dunning.awaitOpenTask(number, "Task_CompletePostalAddress"),
				Map.of("addressLine1", "3 place du Marché", "postcode", "69002", "city", "Lyon", "country", "FR"));

		await().atMost(Duration.ofSeconds(20)).until(() -> templates(number).contains("LETTER Task_SendFormalNotice"));
		assertThat(templates(number)).containsExactly("EMAIL Task_SendFriendlyEmail", "EMAIL Task_SendFormalEmail",
				"SMS Task_SendFormalSms", "EMAIL Task_SendFormalNotice", "LETTER Task_SendFormalNotice");
		dunning.awaitStep(number, "Timer_HandoffDue");
		assertThat(dunning.openTasks(number)).isEmpty();

		// Deemed received 2 days after the notice, 8 days to pay, handed over the day after at 09:00.
		dunning.advance("P12D");
		dunning.complete("manager", dunning.awaitOpenTask(number, "Task_ApproveLegalHandoff"), Map.of("approved", true));

		dunning.awaitCaseStatus(number, "HANDED_OVER");
		Path dossier = Path.of("target/handoff", number);
		assertThat(dossier.resolve("dossier.json")).exists();
		assertThat(Files.readString(dossier.resolve("dossier.json"))).contains(number, "NOTICE_ISSUED");
		assertThat(Files.readAllBytes(dossier.resolve("mise-en-demeure.pdf"))).startsWith("%PDF".getBytes());
		assertThat(dunning.history(number)).extracting(h -> h.get("type").asText())
			.contains("CASE_OPENED", "MESSAGE_SENT", "TASK_COMPLETED", "NOTICE_ISSUED", "DOSSIER_EXPORTED", "CASE_CLOSED");
		// Still owed, no longer dunned: the customer's page says so instead of showing it as any open invoice.
		assertThat(page("collector", "/customers/C-" + number)).contains(number,
				"Handed over to legal: dunning has ended", "/invoices/" + number + "/notice.pdf");
		// The letter as it was sent, before any handoff too: the same bytes as the dossier's, with their SHA-256.
		HttpResponse<byte[]> letter = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
				"http://localhost:" + port + "/api/invoices/" + number + "/notice.pdf"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("auditor:demo".getBytes()))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(letter.statusCode()).isEqualTo(200);
		assertThat(letter.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(letter.body()).isEqualTo(Files.readAllBytes(dossier.resolve("mise-en-demeure.pdf")));
		assertThat(letter.headers().firstValue("X-Content-SHA256")).hasValueSatisfying(sha -> assertThat(sha)
			.hasSize(64));
	}

	@Test
	void aDeclinedNoticeBringsANewCallSevenDaysLater() {
		String number = reachCourtesyCall("DECLINED");
		dunning.complete("collector", dunning.awaitOpenTask(number, "Task_CourtesyCall"), Map.of("outcome", "REFUSED"));
		dunning.complete("manager", dunning.awaitOpenTask(number, "Task_ApproveFormalNotice"),
				Map.of("approved", false, "comment", "Client historique, rappeler"));
		dunning.awaitStep(number, "Timer_NoticeReview");
		dunning.advance("P6D");
		Instant sixDaysLater = dunning.now();

		dunning.advance("P1D");

		dunning.awaitOpenTask(number, "Task_CourtesyCall");
		// The review fired after the clock's jump to the seventh day, not while it stood at the sixth.
		assertThat(leftAt(number, "Timer_NoticeReview")).isAfter(sixDaysLater.plus(Duration.ofHours(12)));
		assertThat(templates(number)).doesNotContain("LETTER Task_SendFormalNotice");
	}

	@Test
	void paymentWhileTheCallIsOpenClosesTheCaseAndTheTask() {
		String number = reachCourtesyCall("OPENTASK");
		JsonNode call = dunning.awaitOpenTask(number, "Task_CourtesyCall");

		dunning.pay(number, "900.00");

		dunning.awaitCaseStatus(number, "PAID");
		awaitInstanceEnded(number);
		await().atMost(Duration.ofSeconds(20)).until(() -> dunning.openTasks(number).isEmpty());
		assertThat(dunning.as("collector").post("/api/tasks/" + call.get("id").asText() + "/complete",
				Map.of("variables", Map.of("outcome", "NO_ANSWER"))).status()).isEqualTo(409);
	}

	@Test
	void cancellingTheInvoiceWhileTheCallIsOpenEndsThePathAsCancelled() {
		String number = reachCourtesyCall("VOIDED");

		dunning.as("integrator").post("/api/invoices/" + number + "/cancel", Map.of("reason", "Avoir AV-2026-18"));

		dunning.awaitCaseStatus(number, "CANCELLED");
		awaitInstanceEnded(number);
		await().atMost(Duration.ofSeconds(20)).until(() -> dunning.openTasks(number).isEmpty());
	}

	/**
	 * Brings a new case 22 days overdue to its courtesy call: the friendly email goes out at once (the case opened
	 * late), then each contact waits 7 days after the previous one.
	 */
	private String reachCourtesyCall(String prefix) {
		String number = dunning.overdueInvoice(prefix, 22, "900.00");
		dunning.awaitStep(number, "Timer_FormalReminderDue");
		dunning.advance("P7D");
		dunning.awaitStep(number, "Timer_CourtesyCallDue");
		assertThat(templates(number)).containsExactly("EMAIL Task_SendFriendlyEmail", "EMAIL Task_SendFormalEmail",
				"SMS Task_SendFormalSms");
		dunning.advance("P7D");
		dunning.awaitOpenTask(number, "Task_CourtesyCall");
		return number;
	}

	/** A page as this user reads it in English (the pages take HTTP Basic too). */
	private String page(String user, String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
			.header("Accept-Language", "en")
			.build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	/** The engine answers NOT_FOUND for an instance that has ended. */
	private void awaitInstanceEnded(String number) {
		long instance = cases.findByInvoice(number).orElseThrow().processInstanceKey();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			try {
				engine.newSetVariablesCommand(instance).variables(Map.of("probe", 1)).send().join();
				return false;
			}
			catch (ClientStatusException e) {
				return e.getStatusCode() == Status.Code.NOT_FOUND;
			}
		});
	}

	/** When the message of this step went out, on the product's clock. */
	private Instant sentAt(String number, String step) {
		return dunning.outbox(number).stream()
			.filter(m -> m.get("step").asText().equals(step))
			.map(m -> Instant.parse(m.get("createdAt").asText()))
			.findFirst()
			.orElseThrow();
	}

	/** When the case left this step, on the product's clock. */
	private Instant leftAt(String number, String step) {
		return dunning.history(number).stream()
			.filter(h -> h.get("type").asText().equals("STEP_LEFT") && h.get("elementId").asText().equals(step))
			.map(h -> Instant.parse(h.get("at").asText()))
			.findFirst()
			.orElseThrow();
	}

	private List<String> templates(String number) {
		return dunning.outbox(number).stream().map(m -> m.get("channel").asText() + " " + m.get("step").asText()).toList();
	}

	private long instalmentChecks(String number) {
		return dunning.history(number).stream()
			.filter(h -> h.get("type").asText().equals("STEP_ENTERED")
					&& h.get("elementId").asText().equals("Timer_InstalmentGrace"))
			.count() - 1;
	}

}
