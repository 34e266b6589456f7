package io.dunning.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.dunning.channel.Contacts.dupont;
import static io.dunning.channel.Contacts.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryEntry;
import io.dunning.channel.ContactRequest.Recipient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

class MessengerTest extends ChannelIntegrationTest {

	private static final String MESSAGES = TwilioSmsGatewayTest.MESSAGES;

	@Autowired
	CaseHistory history;

	@Autowired
	LetterRenderer letters;

	@Test
	void aRedeliveredRequestSendsNothingAndAnswersTheFirstSending() {
		TWILIO.stubFor(post(MESSAGES).willReturn(created("SM1")));
		long caseId = newCaseId();
		ContactRequest sms = request(caseId, "Task_SendFormalSms", Channel.SMS, "formal-reminder", dupont(), "CH-" + caseId);

		Delivery first = messenger.send(sms);
		Delivery second = messenger.send(sms);

		assertThat(first.repeated()).isFalse();
		assertThat(first.sentAt()).isNotNull();
		assertThat(second).isEqualTo(new Delivery(first.ledgerId(), first.sentAt(), true));
		TWILIO.verify(1, anyRequestedFor(anyUrl()));
		assertThat(ledgerRow(first.ledgerId())).isEqualTo(new LedgerRow("SENT", 1, "SM1", null));
		List<HistoryEntry> sent = history.of("CH-" + caseId);
		assertThat(sent).singleElement().satisfies(entry -> {
			assertThat(entry.type()).isEqualTo("MESSAGE_SENT");
			assertThat(entry.elementId()).isEqualTo("Task_SendFormalSms");
			assertThat(entry.actor()).isEqualTo("system");
			assertThat(entry.details()).containsEntry("channel", "SMS")
				.containsEntry("recipient", "+33612345678")
				.containsEntry("template", "formal-reminder")
				.containsEntry("provider", "twilio");
			assertThat(((Number) entry.details().get("ledgerId")).longValue()).isEqualTo(first.ledgerId());
		});
	}

	@Test
	void aProviderFailureLeavesTheRowOpenAndTheRetrySendsIt() {
		TWILIO.stubFor(post(MESSAGES).inScenario("flaky").whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
		TWILIO.stubFor(post(MESSAGES).inScenario("flaky").whenScenarioStateIs("up").willReturn(created("SM2")));
		long caseId = newCaseId();
		ContactRequest sms = request(caseId, "Task_SendFormalSms", Channel.SMS, "formal-reminder", dupont(), "CH-" + caseId);

		assertThatThrownBy(() -> messenger.send(sms)).isInstanceOf(DeliveryFailedException.class);
		long ledgerId = jdbc.sql("SELECT id FROM delivery WHERE case_id = ?").param(caseId).query(Long.class).single();
		assertThat(ledgerRow(ledgerId).status()).isEqualTo("FAILED");
		assertThat(ledgerRow(ledgerId).error()).contains("503");
		assertThat(history.of("CH-" + caseId)).isEmpty();

		Delivery retried = messenger.send(sms);

		assertThat(retried.ledgerId()).isEqualTo(ledgerId);
		assertThat(retried.repeated()).isFalse();
		assertThat(ledgerRow(ledgerId)).isEqualTo(new LedgerRow("SENT", 2, "SM2", null));
		TWILIO.verify(2, anyRequestedFor(anyUrl()));
		assertThat(history.of("CH-" + caseId)).hasSize(1);
	}

	@Test
	void aRequestRedeliveredWhileTheFirstCallIsStillRunningSendsNothing() throws Exception {
		TWILIO.stubFor(post(MESSAGES).willReturn(created("SM3").withFixedDelay(1500)));
		long caseId = newCaseId();
		ContactRequest sms = request(caseId, "Task_SendFormalSms", Channel.SMS, "formal-reminder", dupont(), "CH-" + caseId);
		ExecutorService worker = Executors.newSingleThreadExecutor();
		try {
			Future<Delivery> first = worker.submit(() -> messenger.send(sms));
			await().atMost(Duration.ofSeconds(5)).until(() -> TWILIO.getAllServeEvents().size() == 1);

			assertThatThrownBy(() -> messenger.send(sms)).isInstanceOf(DeliveryInFlightException.class)
				.hasMessageContaining("still in flight")
				.satisfies(e -> assertThat(((DeliveryInFlightException) e).retryAfter()).isPositive());

			assertThat(first.get(10, TimeUnit.SECONDS).repeated()).isFalse();
			assertThat(messenger.send(sms).repeated()).isTrue();
			TWILIO.verify(1, anyRequestedFor(anyUrl()));
		}
		finally {
			worker.shutdownNow();
		}
	}

	@Test
	void aCustomerWithoutAPhoneIsSkippedOnceWithTheReason() {
		long caseId = newCaseId();
		Recipient noPhone = new Recipient("Boulangerie Dupont", Locale.FRENCH, "compta@dupont.example", null, true);
		ContactRequest sms = request(caseId, "Task_SendFormalSms", Channel.SMS, "formal-reminder", noPhone, "CH-" + caseId);

		Delivery skipped = messenger.send(sms);
		messenger.send(sms);

		assertThat(skipped.sentAt()).isNull();
		assertThat(skipped.repeated()).isFalse();
		assertThat(ledgerRow(skipped.ledgerId()).status()).isEqualTo("SKIPPED");
		assertThat(ledgerRow(skipped.ledgerId()).error()).isEqualTo("no phone number for Boulangerie Dupont");
		TWILIO.verify(0, anyRequestedFor(anyUrl()));
		assertThat(history.of("CH-" + caseId)).singleElement()
			.satisfies(entry -> assertThat(entry.details()).containsEntry("status", "SKIPPED")
				.containsEntry("reason", "no phone number for Boulangerie Dupont"));
	}

	@Test
	void aLetterIsKeptInTheOutboxWithItsPdf() {
		long caseId = newCaseId();
		String invoiceNumber = "CH-" + caseId;
		byte[] pdf = letters.render(LetterRendererTest.notice(Locale.FRENCH, new BigDecimal("40.00")));
		ContactRequest letter = Contacts.formalNotice(caseId, Channel.LETTER, dupont(), invoiceNumber,
				List.of(new Attachment("mise-en-demeure-" + invoiceNumber + ".pdf", "application/pdf", pdf)));

		Delivery delivery = messenger.send(letter);

		assertThat(delivery.sentAt()).isNotNull();
		byte[] stored = jdbc.sql("""
				SELECT a.content FROM outbox_attachment a JOIN outbox_message m ON m.id = a.outbox_message_id
				WHERE m.delivery_id = ?
				""").param(delivery.ledgerId()).query((rs, n) -> rs.getBytes(1)).single();
		assertThat(stored).isEqualTo(pdf);
	}

	@Test
	void aLetterWhoseOutcomeWasLostIsNotQueuedASecondTime() {
		long caseId = newCaseId();
		String invoiceNumber = "CH-" + caseId;
		ContactRequest letter = Contacts.formalNotice(caseId, Channel.LETTER, dupont(), invoiceNumber, List.of());
		Delivery first = messenger.send(letter);
		// The attempt queued its letter, then its outcome was lost: the ledger row still says SENDING.
		jdbc.sql("UPDATE delivery SET status = 'SENDING', sent_at = NULL, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofHours(1))), first.ledgerId())
			.update();

		messenger.send(letter);

		assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE delivery_id = ?").param(first.ledgerId())
			.query(Integer.class).single()).isEqualTo(1);
		assertThatThrownBy(() -> jdbc.sql("""
				INSERT INTO outbox_message (delivery_id, channel, recipient, body, invoice_number, step, created_at)
				VALUES (?, 'LETTER', 'x', 'x', ?, 'Task_SendFormalNotice', CURRENT_TIMESTAMP(3))
				""").params(first.ledgerId(), invoiceNumber).update())
			.isInstanceOf(DuplicateKeyException.class);
	}

	private static ResponseDefinitionBuilder created(String sid) {
		return aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"sid\":\"" + sid + "\",\"status\":\"queued\"}");
	}

}
