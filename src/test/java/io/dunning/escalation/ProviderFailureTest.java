package io.dunning.escalation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dunning.AppInstance;
import io.dunning.Dunning;
import io.dunning.RequiresDatabase;
import io.dunning.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A provider failure fails the job with retries and a backoff; when the retries run out the engine raises an
 * incident and nothing more is attempted. SendGrid is the real SDK against a local WireMock server.
 */
@RequiresDatabase
class ProviderFailureTest {

	/** The first retry's backoff, as {@code JobFailures} sets it. */
	static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);

	WireMockServer sendGrid;
	AppInstance app;
	Dunning dunning;
	ListAppender<ILoggingEvent> incidents = new ListAppender<>();

	@BeforeEach
	void start() {
		sendGrid = new WireMockServer(options().dynamicPort());
		sendGrid.start();
		Map<String, String> properties = new HashMap<>(TestDatabase.fresh("provider"));
		properties.put("dunning.sendgrid.api-key", "SG.test-key");
		properties.put("dunning.sendgrid.host", "localhost:" + sendGrid.port());
		app = AppInstance.start(properties);
		dunning = app.dunning();
		// The embedded engine has no Operate: the app reports each incident in its log, under the engine module.
		incidents.start();
		((Logger) LoggerFactory.getLogger("io.dunning.engine")).addAppender(incidents);
	}

	@AfterEach
	void stop() {
		((Logger) LoggerFactory.getLogger("io.dunning.engine")).detachAppender(incidents);
		app.close();
		sendGrid.stop();
	}

	@Test
	void aFailedSendIsRetriedAfterItsBackoffAndSentOnce() {
		sendGrid.stubFor(post("/v3/mail/send").inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503)).willSetStateTo("back"));
		sendGrid.stubFor(post("/v3/mail/send").inScenario("outage").whenScenarioStateIs("back")
			.willReturn(aResponse().withStatus(202)));

		// No clock advance: the engine's clock runs in real time, so the retry's delay is the backoff itself.
		String number = dunning.overdueInvoice("RETRY", 4, "410.00");
		dunning.awaitStep(number, "Timer_FormalReminderDue");

		List<LoggedRequest> sends = sendGrid.findAll(postRequestedFor(urlEqualTo("/v3/mail/send")));
		assertThat(sends).hasSize(2);
		Duration waited = Duration.between(sends.get(0).getLoggedDate().toInstant(), sends.get(1).getLoggedDate().toInstant());
		assertThat(waited).as("time between the failed call and its retry").isGreaterThanOrEqualTo(FIRST_BACKOFF);
		assertThat(dunning.history(number)).filteredOn(h -> h.get("type").asText().equals("MESSAGE_SENT")).hasSize(1);
	}

	@Test
	void whenTheRetriesRunOutTheEngineRaisesAnIncidentAndTheCaseWaitsAtTheStep() {
		sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(500)));

		String number = dunning.overdueInvoice("INCIDENT", 4, "410.00");
		for (int attempt = 1; attempt <= 5; attempt++) {
			int expected = attempt;
			await().atMost(Duration.ofSeconds(20)).until(() -> calls(number) == expected);
			if (attempt < 5) {
				dunning.advance("PT1H");
			}
		}

		await().atMost(Duration.ofSeconds(20)).until(() -> incidents.list.stream()
			.anyMatch(e -> e.getFormattedMessage().contains("at Task_SendFriendlyEmail")
					&& e.getFormattedMessage().contains("JOB_NO_RETRIES")));
		// Time moves on, and another case's first send proves the engine works its jobs after the move.
		dunning.advance("P1D");
		String probe = dunning.overdueInvoice("PROBE", 4, "410.00");
		await().atMost(Duration.ofSeconds(20)).until(() -> calls(probe) >= 1);

		assertThat(calls(number)).isEqualTo(5);
		assertThat(dunning.status(number).at("/case/currentStep").asText()).isEqualTo("Task_SendFriendlyEmail");
		assertThat(dunning.history(number)).noneMatch(h -> h.get("type").asText().equals("MESSAGE_SENT"));
	}

	private int calls(String invoiceNumber) {
		return sendGrid.countRequestsMatching(postRequestedFor(urlEqualTo("/v3/mail/send"))
			.withRequestBody(containing(invoiceNumber)).build()).getCount();
	}

}
