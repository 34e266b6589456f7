package io.dunning.escalation.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunning.Api;
import io.dunning.AppInstance;
import io.dunning.Dunning;
import io.dunning.RequiresDatabase;
import io.dunning.TestDatabase;
import io.dunning.engine.EngineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many cases at once: opened after an import, and restarted after a restart of the embedded engine, in pages of five
 * here (two hundred by default), with a case that can no longer start among them.
 */
@ExtendWith(OutputCaptureExtension.class)
@RequiresDatabase
class RehydrationTest {

	static final int CASES = 12;

	@Test
	void aCaseThatCannotRestartIsCountedAndRetriedAndNeverHoldsUpTheOthers(CapturedOutput output) {
		Map<String, String> properties = new HashMap<>(TestDatabase.fresh("rehydration"));
		properties.put("dunning.rehydration.batch-size", "5");
		List<String> numbers;
		byte[] csv;
		try (AppInstance app = AppInstance.start(properties)) {
			Dunning dunning = app.dunning();
			numbers = new ArrayList<>();
			csv = csv(dunning.today().minusDays(1), numbers);
			Api.Response imported = dunning.as("integrator").upload("/api/invoices/import", "ledger.csv", csv);
			assertThat(imported.status()).as(imported.text()).isEqualTo(200);
			numbers.forEach(n -> dunning.awaitStep(n, "Timer_FriendlyReminderDue"));
			await().until(() -> output.getOut().contains("Cases opened " + CASES + " of " + CASES));

			Api.Response again = dunning.as("integrator").upload("/api/invoices/import", "ledger.csv", csv);
			assertThat(again.status()).as(again.text()).isEqualTo(200);
			// A later case, opened after the re-import, reaches its first step: had the re-import started anything,
			// it would have been sent to the engine before.
			String later = dunning.overdueInvoice("LATER", 1, "10.00");
			dunning.awaitStep(later, "Timer_FriendlyReminderDue");
			for (String number : numbers) {
				assertThat(dunning.history(number)).filteredOn(h -> h.get("type").asText().equals("STEP_ENTERED"))
					.hasSize(1);
			}
			// The first case by id names a step the diagram no longer has.
			app.bean(JdbcClient.class)
				.sql("UPDATE dunning_case SET current_step = 'Task_Gone' WHERE invoice_number = ?")
				.param(numbers.getFirst())
				.update();
		}

		try (AppInstance app = AppInstance.start(properties)) {
			Dunning dunning = app.dunning();
			JdbcClient jdbc = app.bean(JdbcClient.class);
			String run = app.bean(EngineRun.class).id();

			JsonNode rehydration = await().atMost(Duration.ofSeconds(60))
				.until(() -> dunning.as("admin").get("/actuator/health").body().at("/components/rehydration/details"),
						details -> details.path("state").asText().equals("FINISHED"));
			assertThat(rehydration.get("total").asInt()).isEqualTo(CASES + 1);
			assertThat(rehydration.get("failed").asInt()).isEqualTo(1);
			assertThat(rehydration.get("done").asInt()).isEqualTo(CASES);
			// The engine's log is in the health too: with every case at its wait, the engine has caught up.
			await().atMost(Duration.ofSeconds(30)).until(() -> dunning.as("admin").get("/actuator/health").body()
				.at("/components/engineLog/details/recordsBehind"), behind -> behind.isNumber() && behind.asLong() < 50);
			assertThat(boundInstances(jdbc, run)).isEqualTo(CASES);
			assertThat(output.getOut()).containsPattern("case \\d+ could not be restarted, it will be tried again: .*Task_Gone");

			// Someone puts the step back; once its claim has gone stale, the sweep starts the case.
			jdbc.sql("""
					UPDATE dunning_case SET current_step = 'Timer_FriendlyReminderDue', claimed_at = ?
					WHERE invoice_number = ?
					""")
				.params(Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))), numbers.getFirst())
				.update();
			app.bean(CaseRehydrator.class).retryStranded();

			assertThat(boundInstances(jdbc, run)).isEqualTo(CASES + 1);
		}
	}

	@Test
	void theApiAnswersWhileCasesAreRehydratedAndANewCaseOpensWithoutWaitingForTheEngine() {
		Map<String, String> properties = new HashMap<>(TestDatabase.fresh("rehydration_api"));
		properties.put("spring.main.sources", FlakyEngine.class.getName());
		List<String> numbers = new ArrayList<>();
		try (AppInstance app = AppInstance.start(properties)) {
			Dunning dunning = app.dunning();
			for (int i = 0; i < 3; i++) {
				numbers.add(dunning.overdueInvoice("SLOW", 1, "10.00"));
			}
			numbers.forEach(n -> dunning.awaitStep(n, "Timer_FriendlyReminderDue"));
		}

		// The engine is slow to answer: the creations of the restart wait for the test to open the gate.
		FlakyEngine.createAnswers = new CompletableFuture<>();
		try (AppInstance app = AppInstance.start(properties)) {
			Dunning dunning = app.dunning();

			JsonNode running = await().atMost(Duration.ofSeconds(10))
				.until(() -> dunning.as("admin").get("/actuator/health").body().at("/components/rehydration/details"),
						details -> details.path("state").asText().equals("RUNNING"));
			assertThat(running.get("total").asInt()).isEqualTo(3);
			assertThat(running.get("done").asInt()).isZero();
			assertThat(dunning.status(numbers.getFirst()).at("/case/status").asText()).isEqualTo("OPEN");
			String opened = dunning.overdueInvoice("NEW", 1, "10.00");
			dunning.awaitCaseStatus(opened, "OPEN");

			FlakyEngine.createAnswers.complete(null);

			await().atMost(Duration.ofSeconds(30)).until(() -> dunning.as("admin").get("/actuator/health").body()
				.at("/components/rehydration/details/done").asInt() == 3);
			dunning.awaitStep(opened, "Timer_FriendlyReminderDue");
		}
		finally {
			FlakyEngine.createAnswers.complete(null);
		}
	}

	private static int boundInstances(JdbcClient jdbc, String run) {
		return jdbc.sql("SELECT COUNT(*) FROM dunning_case WHERE engine_run = ? AND process_instance_key IS NOT NULL")
			.param(run)
			.query(Integer.class)
			.single();
	}

	private static byte[] csv(LocalDate due, List<String> numbers) {
		StringBuilder csv = new StringBuilder(
				"invoice_number,customer_id,customer_name,customer_type,language,email,phone,amount,currency,issue_date,due_date\n");
		for (int i = 0; i < CASES; i++) {
			String number = Dunning.newInvoiceNumber("LEDGER");
			numbers.add(number);
			csv.append(number).append(",C-").append(number).append(",Client ").append(i)
				.append(",B2B,fr,client").append(i).append("@example.com,+3361234567").append(i % 10)
				.append(",150.00,EUR,").append(due.minusDays(30)).append(',').append(due).append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

}
