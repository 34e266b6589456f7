package io.dunning.escalation.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunning.AppInstance;
import io.dunning.Dunning;
import io.dunning.RequiresDatabase;
import io.dunning.TestDatabase;
import io.dunning.escalation.cases.CaseRehydrator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded engine keeps nothing: stopping the application mid-escalation and starting it again must bring
 * every case back to the step it had reached, with its timers at the same moments and nothing sent twice.
 * Runs on a database of its own, so its restarts never meet the shared test context's cases.
 */
@RequiresDatabase
class RestartTest {

	static Map<String, String> database;

	@BeforeAll
	static void ownDatabase() {
		database = TestDatabase.fresh("restart");
	}

	@Test
	void aRestartedCaseGoesOnAtTheSameStepWithoutSendingTwice() {
		String number;
		String taskId;
		try (AppInstance app = AppInstance.start(database)) {
			Dunning dunning = app.dunning();
			number = dunning.overdueInvoice("RESTART", 22, "700.00");
			dunning.awaitStep(number, "Timer_FormalReminderDue");
			dunning.advance("P7D");
			dunning.awaitStep(number, "Timer_CourtesyCallDue");
		}

		try (AppInstance app = AppInstance.start(database)) {
			Dunning dunning = app.dunning();
			dunning.awaitStep(number, "Timer_CourtesyCallDue");
			assertThat(sent(dunning, number)).containsExactly("EMAIL Task_SendFriendlyEmail",
					"EMAIL Task_SendFormalEmail", "SMS Task_SendFormalSms");
			dunning.advance("P7D");
			taskId = dunning.awaitOpenTask(number, "Task_CourtesyCall").get("id").asText();
		}

		try (AppInstance app = AppInstance.start(database)) {
			Dunning dunning = app.dunning();
			JsonNode call = dunning.awaitOpenTask(number, "Task_CourtesyCall");
			assertThat(call.get("id").asText()).isEqualTo(taskId);
			assertThat(dunning.openTasks(number)).hasSize(1);
			dunning.complete("collector", call, Map.of("outcome", "REFUSED"));
			dunning.awaitOpenTask(number, "Task_ApproveFormalNotice");
			assertThat(sent(dunning, number)).containsExactly("EMAIL Task_SendFriendlyEmail",
					"EMAIL Task_SendFormalEmail", "SMS Task_SendFormalSms");
		}
	}

	@Test
	void aRedeliveredSendJobSendsNothingTwice() {
		try (AppInstance app = AppInstance.start(database)) {
			Dunning dunning = app.dunning();
			String number = dunning.overdueInvoice("REDELIVER", 4, "120.00");
			dunning.awaitStep(number, "Timer_FormalReminderDue");
			JdbcClient jdbc = app.bean(JdbcClient.class);
			// As after a crash between the send and the job's completion: the case restarts before the send step.
			jdbc.sql("UPDATE dunning_case SET current_step = 'Task_SendFriendlyEmail', engine_run = NULL WHERE invoice_number = ?")
				.param(number)
				.update();
			app.bean(CaseRehydrator.class).retryStranded();

			dunning.awaitStep(number, "Timer_FormalReminderDue");
			await().until(() -> dunning.history(number).stream()
				.filter(h -> h.get("type").asText().equals("STEP_LEFT")
						&& h.get("elementId").asText().equals("Task_SendFriendlyEmail"))
				.count() == 2);
			assertThat(sent(dunning, number)).containsExactly("EMAIL Task_SendFriendlyEmail");
		}
	}

	@Test
	void aStartInterruptedBetweenItsClaimAndTheEngineIsTakenAgain() {
		try (AppInstance app = AppInstance.start(database)) {
			Dunning dunning = app.dunning();
			String number = dunning.overdueInvoice("CLAIMED", 4, "55.00");
			dunning.awaitStep(number, "Timer_FormalReminderDue");
			JdbcClient jdbc = app.bean(JdbcClient.class);
			// As if the process had died after claiming the start and before the engine answered, ten minutes ago.
			jdbc.sql("""
					UPDATE dunning_case SET process_instance_key = NULL,
					       claimed_at = ? WHERE invoice_number = ?
					""")
				.params(Timestamp.from(Instant.now().minusSeconds(600)), number)
				.update();

			app.bean(CaseRehydrator.class).retryStranded();

			assertThat(jdbc.sql("SELECT process_instance_key FROM dunning_case WHERE invoice_number = ?")
				.param(number).query(Long.class).single()).isNotNull();
			await().until(() -> dunning.history(number).stream()
				.filter(h -> h.get("type").asText().equals("STEP_ENTERED")
						&& h.get("elementId").asText().equals("Timer_FormalReminderDue"))
				.count() == 2);
		}
	}

	@Test
	void aSendCutShortByACrashWaitsForItsAttemptThenGoesOnWithoutAnIncident() {
		Map<String, String> shortInFlight = new HashMap<>(database);
		shortInFlight.put("dunning.channel.in-flight-timeout", "PT3S");
		try (AppInstance app = AppInstance.start(shortInFlight)) {
			Dunning dunning = app.dunning();
			String number = dunning.overdueInvoice("CRASH", 4, "66.00");
			dunning.awaitStep(number, "Timer_FormalReminderDue");
			JdbcClient jdbc = app.bean(JdbcClient.class);
			// As if the process had died after calling the provider and before recording the send: the ledger row
			// is still SENDING, and the case restarts before the send step.
			Instant beforeTheCrash = dunning.now();
			Instant crash = Instant.now();
			jdbc.sql("""
					UPDATE delivery SET status = 'SENDING', sent_at = NULL, updated_at = ?
					WHERE invoice_number = ? AND step = 'Task_SendFriendlyEmail'
					""")
				.params(Timestamp.from(crash), number)
				.update();
			jdbc.sql("UPDATE dunning_case SET current_step = 'Task_SendFriendlyEmail', engine_run = NULL WHERE invoice_number = ?")
				.param(number)
				.update();

			app.bean(CaseRehydrator.class).retryStranded();

			await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
				.sql("SELECT status FROM delivery WHERE invoice_number = ? AND step = 'Task_SendFriendlyEmail'")
				.param(number)
				.query(String.class)
				.single()
				.equals("SENT"));
			await().until(() -> dunning.history(number).stream()
				.filter(h -> h.get("type").asText().equals("STEP_LEFT")
						&& h.get("elementId").asText().equals("Task_SendFriendlyEmail"))
				.count() == 2);
			// The cut-short attempt is given up only once its in-flight time has passed; the retry then finds the
			// message it had kept already (one outbox message per delivery) and queues nothing more.
			assertThat(dunning.outbox(number)).hasSize(1);
			Instant sentAt = jdbc.sql("SELECT sent_at FROM delivery WHERE invoice_number = ? AND step = 'Task_SendFriendlyEmail'")
				.param(number)
				.query(Timestamp.class)
				.single()
				.toInstant();
			assertThat(sentAt).isAfterOrEqualTo(beforeTheCrash.plusSeconds(3).truncatedTo(ChronoUnit.MILLIS));
		}
	}

	private static List<String> sent(Dunning dunning, String number) {
		return dunning.outbox(number).stream().map(m -> m.get("channel").asText() + " " + m.get("step").asText()).toList();
	}

}
