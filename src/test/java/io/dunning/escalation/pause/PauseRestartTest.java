package io.dunning.escalation.pause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import io.dunning.Api;
import io.dunning.AppInstance;
import io.dunning.Dunning;
import io.dunning.RequiresDatabase;
import io.dunning.TestDatabase;
import org.junit.jupiter.api.Test;

/** A restart of the application (and of its embedded engine) while a case is paused keeps it paused. */
@RequiresDatabase
class PauseRestartTest {

	@Test
	void aDisputedCaseStaysHeldAcrossARestartAndSendsNothingTwice() {
		Map<String, String> properties = TestDatabase.fresh("pause_restart");
		String number;
		try (AppInstance app = AppInstance.start(properties)) {
			Dunning dunning = app.dunning();
			number = dunning.overdueInvoice("RESTART", 4, "700.00");
			dunning.awaitStep(number, "Timer_FormalReminderDue");
			Api.Response raised = dunning.as("integrator").post("/api/invoices/" + number + "/disputes",
					Map.of("reason", "QUALITY"));
			assertThat(raised.status()).as(raised.text()).isEqualTo(201);
			dunning.awaitStep(number, "Task_ResolveDispute");
		}

		try (AppInstance app = AppInstance.start(properties)) {
			Dunning dunning = app.dunning();
			// Rehydrated in the hold: the resolution task is back, and the formal reminder's date passes unheeded.
			dunning.advance("P20D");
			dunning.complete("manager", dunning.awaitOpenTask(number, "Task_ResolveDispute"),
					Map.of("resolution", "IN_OUR_FAVOUR"));
			await().atMost(Duration.ofSeconds(30)).until(() -> dunning.history(number).stream()
				.anyMatch(h -> h.get("type").asText().equals("PATH_RESUMED")));
			dunning.awaitStep(number, "Timer_FormalReminderDue");
			assertThat(dunning.outbox(number)).extracting(m -> m.get("step").asText())
				.containsExactly("Task_SendFriendlyEmail");
			assertThat(dunning.openTasks(number)).isEmpty();
		}
	}

}
