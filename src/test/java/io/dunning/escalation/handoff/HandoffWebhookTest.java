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

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpServer;
import io.dunning.Dunning;
import io.dunning.IntegrationTest;
import io.dunning.audit.CaseHistory;
import io.dunning.escalation.DunningProperties;
import io.dunning.escalation.cases.CaseCloser;
import io.dunning.escalation.cases.Cases;
import io.dunning.escalation.cases.OwedCases;
import io.dunning.escalation.notice.FormalNotices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The handoff target may be a webhook: the dossier is POSTed with an idempotency key and the notice exactly as it was
 * sent, and a refusal is retried. A payment during the export is recorded as what happened.
 */
class HandoffWebhookTest extends IntegrationTest {

	@Autowired OwedCases owed;
	@Autowired CaseHistory history;
	@Autowired FormalNotices notices;
	@Autowired CaseCloser closer;
	@Autowired Cases cases;
	@Autowired TransactionTemplate transactions;
	@Autowired DunningProperties properties;
	@Autowired ObjectMapper json;
	@Autowired JdbcClient jdbc;

	WireMockServer agency;
	Dunning dunning;

	@BeforeEach
	void setUp() {
		agency = new WireMockServer(options().dynamicPort());
		agency.start();
		dunning = new Dunning(port);
	}

	@AfterEach
	void tearDown() {
		agency.stop();
	}

	@Test
	void theDossierShipsTheStoredLetterByteForByteWithItsHash() throws Exception {
		agency.stubFor(post("/dossiers").willReturn(aResponse().withStatus(201)));
		String number = dunning.overdueInvoice("HOOK", 40, "820.00");
		byte[] sent = storedNotice(number);

		exportTo("http://localhost:" + agency.port() + "/dossiers").handOver(number, "Task_ExportDossier");

		agency.verify(1, postRequestedFor(urlEqualTo("/dossiers"))
			.withHeader("Idempotency-Key", equalTo("handoff-" + number))
			.withRequestBody(matchingJsonPath("$.invoice.number", equalTo(number)))
			.withRequestBody(matchingJsonPath("$.notice.pdfSha256", equalTo(sha256(sent))))
			.withRequestBody(matchingJsonPath("$.notice.terms.total", equalTo("851.25")))
			.withRequestBody(matchingJsonPath("$.noticePdfBase64", equalTo(Base64.getEncoder().encodeToString(sent)))));
		assertThat(dunning.status(number).at("/case/status").asText()).isEqualTo("HANDED_OVER");
		assertThat(dunning.history(number)).filteredOn(h -> h.get("type").asText().equals("DOSSIER_EXPORTED"))
			.singleElement()
			.satisfies(h -> assertThat(h.at("/details/noticePdfSha256").asText()).isEqualTo(sha256(sent)));
	}

	@Test
	void aPaymentDuringTheExportIsRecordedAndTheCaseIsNotHandedOver() throws Exception {
		String number = dunning.overdueInvoice("HOOKPAID", 40, "820.00");
		storedNotice(number);
		// The agency's server takes the dossier while the customer pays: the payment lands before the answer.
		HttpServer slowAgency = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		slowAgency.createContext("/dossiers", exchange -> {
			exchange.getRequestBody().readAllBytes();
			dunning.pay(number, "820.00");
			exchange.sendResponseHeaders(201, -1);
			exchange.close();
		});
		slowAgency.start();
		try {
			exportTo("http://localhost:" + slowAgency.getAddress().getPort() + "/dossiers")
				.handOver(number, "Task_ExportDossier");
		}
		finally {
			slowAgency.stop(0);
		}

		assertThat(dunning.history(number)).extracting(h -> h.get("type").asText())
			.contains("DOSSIER_SENT_AFTER_SETTLEMENT")
			.doesNotContain("DOSSIER_EXPORTED");
		dunning.awaitCaseStatus(number, "PAID");
	}

	@Test
	void aRefusingWebhookLeavesTheCaseOpenForTheJobToRetry() throws Exception {
		agency.stubFor(post("/dossiers").willReturn(aResponse().withStatus(503)));
		String number = dunning.overdueInvoice("HOOKDOWN", 40, "820.00");
		storedNotice(number);

		assertThatThrownBy(() -> exportTo("http://localhost:" + agency.port() + "/dossiers")
			.handOver(number, "Task_ExportDossier")).hasMessageContaining("503");
		assertThat(dunning.status(number).at("/case/status").asText()).isEqualTo("OPEN");
		assertThat(dunning.history(number)).extracting(h -> h.get("type").asText())
			.doesNotContain("DOSSIER_EXPORTED", "DOSSIER_SENT_AFTER_SETTLEMENT");
	}

	private DossierExport exportTo(String webhook) {
		DunningProperties toWebhook = new DunningProperties(properties.zone(), properties.contactTime(),
				properties.contactWindow(), properties.pacing(), properties.notice(),
				new DunningProperties.Handoff(webhook));
		return new DossierExport(owed, history, notices, closer, transactions, toWebhook, json);
	}

	/** A notice as the send-notice step stores it; its bytes are not those a fresh rendering would give. */
	private byte[] storedNotice(String number) throws Exception {
		dunning.awaitCaseStatus(number, "OPEN");
		long caseId = cases.findByInvoice(number).orElseThrow().id().value();
		byte[] pdf = ("%PDF-1.7 the letter as sent for " + number).getBytes(StandardCharsets.UTF_8);
		JsonNode terms = json.readTree("{\"total\":\"851.25\"}");
		jdbc.sql("""
				INSERT INTO formal_notice (case_id, step, invoice_number, issued_on, deadline, terms, pdf, pdf_sha256, created_at)
				VALUES (?, 'Task_SendFormalNotice', ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(caseId, number, LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 20), terms.toString(), pdf,
					sha256(pdf), Timestamp.from(Instant.now()))
			.update();
		return pdf;
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
