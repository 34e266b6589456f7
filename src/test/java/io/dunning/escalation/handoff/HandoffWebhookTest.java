package io.dunning.escalation.handoff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dunning.Dunning;
import io.dunning.IntegrationTest;
import io.dunning.audit.CaseHistory;
import io.dunning.channel.LetterRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import io.dunning.escalation.cases.OwedCases;
import io.dunning.escalation.cases.CaseCloser;
import io.dunning.escalation.handoff.DossierExport;
import io.dunning.escalation.notice.FormalNotices;
import io.dunning.escalation.DunningProperties;

/** The handoff target may be a webhook: the dossier is POSTed with an idempotency key, and a refusal is retried. */
class HandoffWebhookTest extends IntegrationTest {

	@Autowired OwedCases owed;
	@Autowired CaseHistory history;
	@Autowired FormalNotices notices;
	@Autowired LetterRenderer letters;
	@Autowired CaseCloser closer;
	@Autowired TransactionTemplate transactions;
	@Autowired DunningProperties properties;
	@Autowired ObjectMapper json;

	WireMockServer agency;
	DossierExport export;
	Dunning dunning;

	@BeforeEach
	void setUp() {
		agency = new WireMockServer(options().dynamicPort());
		agency.start();
		DunningProperties toWebhook = new DunningProperties(properties.zone(), properties.contactTime(),
				properties.pacing(), properties.notice(),
				new DunningProperties.Handoff("http://localhost:" + agency.port() + "/dossiers"));
		export = new DossierExport(owed, history, notices, letters, closer, transactions, toWebhook, json);
		dunning = new Dunning(port);
	}

	@AfterEach
	void tearDown() {
		agency.stop();
	}

	@Test
	void theDossierIsPostedWithItsPdfAndTheCaseEndsHandedOver() {
		agency.stubFor(post("/dossiers").willReturn(aResponse().withStatus(201)));
		String number = dunning.overdueInvoice("HOOK", 40, "820.00");
		dunning.awaitCaseStatus(number, "OPEN");

		export.handOver(number, "Task_ExportDossier", "2026-11-10T09:00:00+01:00");

		agency.verify(1, postRequestedFor(urlEqualTo("/dossiers"))
			.withHeader("Idempotency-Key", equalTo("handoff-" + number))
			.withRequestBody(matchingJsonPath("$.invoice.number", equalTo(number)))
			.withRequestBody(matchingJsonPath("$.notice.total"))
			.withRequestBody(matchingJsonPath("$.noticePdfBase64")));
		assertThat(dunning.status(number).at("/case/status").asText()).isEqualTo("HANDED_OVER");
	}

	@Test
	void aRefusingWebhookLeavesTheCaseOpenForTheJobToRetry() {
		agency.stubFor(post("/dossiers").willReturn(aResponse().withStatus(503)));
		String number = dunning.overdueInvoice("HOOKDOWN", 40, "820.00");
		dunning.awaitCaseStatus(number, "OPEN");

		assertThatThrownBy(() -> export.handOver(number, "Task_ExportDossier", "2026-11-10T09:00:00+01:00"))
			.hasMessageContaining("503");
		assertThat(dunning.status(number).at("/case/status").asText()).isEqualTo("OPEN");
	}

}
