package io.dunning.escalation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dunning.AppInstance;
import io.dunning.Dunning;
import io.dunning.RequiresDatabase;
import io.dunning.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A provider failure fails the job with retries and a backoff; when the retries run out the engine raises an
 * incident and nothing more is attempted. SendGrid is the real SDK against a local WireMock server.
 */
@RequiresDatabase
class ProviderFailureTest {

	WireMockServer sendGrid;
	AppInstance app;
	Dunning dunning;

	@BeforeEach
	void start() {
		sendGrid = new WireMockServer(options().dynamicPort());
		sendGrid.start();
		Map<String, String> properties = new HashMap<>(TestDatabase.fresh("provider"));
		properties.put("dunning.sendgrid.api-key", "SG.test-key");
		properties.put("dunning.sendgrid.host", "localhost:" + sendGrid.port());
		app = AppInstance.start(properties);
		dunning = app.dunning();
	}

	@AfterEach
	void stop() {
		app.close();
		sendGrid.stop();
	}

	@Test
	void aFailedSendIsRetriedAfterItsBackoffAndSentOnce() {
		sendGrid.stubFor(post("/v3/mail/send").inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503)).willSetStateTo("back"));
		sendGrid.stubFor(post("/v3/mail/send").inScenario("outage").whenScenarioStateIs("back")
			.willReturn(aResponse().withStatus(202)));

		String number = dunning.overdueInvoice("RETRY", 4, "410.00");
		await().atMost(Duration.ofSeconds(20)).until(() -> calls() == 1);
		dunning.advance("PT1M");

		dunning.awaitStep(number, "Timer_FormalReminderDue");
		assertThat(calls()).isEqualTo(2);
		assertThat(dunning.history(number)).filteredOn(h -> h.get("type").asText().equals("MESSAGE_SENT")).hasSize(1);
	}

	@Test
	void whenTheRetriesRunOutTheCaseWaitsAtTheStepForSomeoneToResolveTheIncident() {
		sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(500)));

		String number = dunning.overdueInvoice("INCIDENT", 4, "410.00");
		for (int attempt = 1; attempt <= 5; attempt++) {
			int expected = attempt;
			await().atMost(Duration.ofSeconds(20)).until(() -> calls() == expected);
			dunning.advance("PT1H");
		}

		assertThat(calls()).isEqualTo(5);
		assertThat(dunning.status(number).at("/case/currentStep").asText()).isEqualTo("Task_SendFriendlyEmail");
		assertThat(dunning.history(number)).noneMatch(h -> h.get("type").asText().equals("MESSAGE_SENT"));
	}

	private int calls() {
		return sendGrid.countRequestsMatching(postRequestedFor(urlEqualTo("/v3/mail/send")).build()).getCount();
	}

}
