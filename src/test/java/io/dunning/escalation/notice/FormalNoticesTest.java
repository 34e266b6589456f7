package io.dunning.escalation.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunning.Api;
import io.dunning.Dunning;
import io.dunning.IntegrationTest;
import io.dunning.escalation.rates.HalfYear;
import io.dunning.escalation.rates.RateKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The notice service on the real database: stored as sent, sent once, recorded once, held without an address. */
class FormalNoticesTest extends IntegrationTest {

	private static final String STEP = "Task_SendFormalNotice";

	@Autowired FormalNotices notices;
	@Autowired JdbcClient jdbc;

	Dunning dunning;

	@BeforeEach
	void setUp() {
		dunning = new Dunning(port);
	}

	@Test
	void theLetterSentIsTheOneStoredWithItsHashAndARedeliverySendsItAgainUnchanged() {
		String number = invoice("STORED", true);

		FormalNotices.Outcome first = notices.issue(number, STEP);
		FormalNotices.Outcome again = notices.issue(number, STEP);

		assertThat(first).isInstanceOf(FormalNotices.Outcome.Issued.class).isEqualTo(again);
		IssuedNotice stored = notices.issuedFor(caseId(number)).orElseThrow();
		assertThat(stored.pdfSha256()).isEqualTo(FormalNotices.sha256(stored.pdf()));
		assertThat(attachments(number)).hasSize(2).allSatisfy(pdf -> assertThat(pdf).isEqualTo(stored.pdf()));
		assertThat(noticeSteps(number)).containsExactly("EMAIL", "LETTER");
		assertThat(noticesIssued(number)).singleElement()
			.satisfies(h -> assertThat(h.at("/details/pdfSha256").asText()).isEqualTo(stored.pdfSha256()));
	}

	@Test
	void aNoticeThatNeverWentOutIsIssuedAgainWithTodaysDateAndDeadline() {
		String number = invoice("STALE", true);
		byte[] stale = "%PDF-1.7 issued five days ago, never sent".getBytes(StandardCharsets.UTF_8);
		jdbc.sql("""
				INSERT INTO formal_notice (case_id, step, invoice_number, issued_on, deadline, terms, pdf, pdf_sha256, created_at)
				VALUES (?, ?, ?, ?, ?, '{"total":"820.00"}', ?, ?, CURRENT_TIMESTAMP(3))
				""").params(caseId(number), STEP, number, dunning.today().minusDays(5), dunning.today().plusDays(5), stale,
						FormalNotices.sha256(stale)).update();

		FormalNotices.Outcome outcome = notices.issue(number, STEP);

		IssuedNotice stored = notices.issuedFor(caseId(number)).orElseThrow();
		assertThat(stored.issuedOn()).isEqualTo(dunning.today());
		assertThat(stored.pdf()).isNotEqualTo(stale);
		assertThat(outcome).isEqualTo(new FormalNotices.Outcome.Issued(
				((FormalNotices.Outcome.Issued) outcome).sentAt(), dunning.today().plusDays(10)));
		assertThat(attachments(number)).allSatisfy(pdf -> assertThat(pdf).isEqualTo(stored.pdf()));
	}

	@Test
	void aNoticeThatWentOutIsTheLetterEvenWhenItsJobComesBackAnotherDay() {
		String number = invoice("SENTBEFORE", true);
		notices.issue(number, STEP);
		IssuedNotice sent = notices.issuedFor(caseId(number)).orElseThrow();
		jdbc.sql("UPDATE formal_notice SET issued_on = ? WHERE case_id = ?")
			.params(dunning.today().minusDays(1), caseId(number)).update();

		notices.issue(number, STEP);

		assertThat(notices.issuedFor(caseId(number)).orElseThrow().pdf()).isEqualTo(sent.pdf());
		assertThat(noticeSteps(number)).containsExactly("EMAIL", "LETTER");
	}

	@Test
	void aCustomerWithoutEmailGetsTheLetterAndTheNoticeIsRecordedOnceHoweverOftenTheJobComesBack() {
		String number = invoice("NOEMAIL", false);

		notices.issue(number, STEP);
		notices.issue(number, STEP);
		notices.issue(number, STEP);

		assertThat(noticeSteps(number)).containsExactly("LETTER");
		assertThat(noticesIssued(number)).hasSize(1);
	}

	@Test
	void aNoticeForACustomerWithoutPostalAddressIsHeldAndNothingGoesOut() {
		String number = dunning.overdueInvoice("NOADDRESS", 40, "820.00");
		dunning.awaitCaseStatus(number, "OPEN");

		FormalNotices.Outcome outcome = notices.issue(number, STEP);

		assertThat(outcome).isEqualTo(new FormalNotices.Outcome.AddressMissing("Atelier Martin"));
		assertThat(noticeSteps(number)).isEmpty();
		assertThat(noticesIssued(number)).isEmpty();
		assertThat(notices.issuedFor(caseId(number))).isEmpty();
	}

	@Test
	void aNoticeThatNeedsAHalfYearWithoutItsRateIsHeldNothingGoesOutAndTheHistorySaysWhichRateOnce() {
		// Due on 30 November 2020: interest runs from 2020-S2, before the tables' first half-year.
		String number = Dunning.newInvoiceNumber("NORATE");
		post(new HashMap<>(dunning.invoice(number, LocalDate.of(2020, 11, 30), "820.00", "B2B")));
		addAddress(number);

		FormalNotices.Outcome first = notices.issue(number, STEP);
		FormalNotices.Outcome again = notices.issue(number, STEP);

		assertThat(first).isEqualTo(again).isInstanceOfSatisfying(FormalNotices.Outcome.RateMissing.class, held -> {
			assertThat(held.kind()).isEqualTo(RateKind.ECB);
			assertThat(held.halfYear()).isEqualTo(new HalfYear(2020, 2));
			assertThat(held.reason()).startsWith("No ECB rate for 2020-S2").contains("/admin/interest-rates");
		});
		assertThat(noticeSteps(number)).isEmpty();
		assertThat(noticesIssued(number)).isEmpty();
		assertThat(notices.issuedFor(caseId(number))).isEmpty();
		assertThat(dunning.history(number)).filteredOn(h -> h.get("type").asText().equals("NOTICE_HELD"))
			.singleElement()
			.satisfies(h -> {
				assertThat(h.at("/details/kind").asText()).isEqualTo("ECB");
				assertThat(h.at("/details/halfYear").asText()).isEqualTo("2020-S2");
			});
	}

	@Test
	void aConsumerNoticeClaimsThePrincipalOnly() {
		String number = Dunning.newInvoiceNumber("B2C");
		Map<String, Object> invoice = new HashMap<>(
				dunning.invoice(number, dunning.today().minusDays(40), "820.00", "B2C"));
		post(invoice);
		addAddress(number);

		notices.issue(number, STEP);

		assertThat(noticesIssued(number)).singleElement().satisfies(h -> {
			assertThat(h.at("/details/total").decimalValue()).isEqualByComparingTo("820.00");
			assertThat(h.at("/details/indemnity").isNull()).isTrue();
			assertThat(h.at("/details/interest/basis").asText()).isEqualTo("LEGAL");
		});
	}

	private String invoice(String prefix, boolean withEmail) {
		String number = Dunning.newInvoiceNumber(prefix);
		Map<String, Object> invoice = new HashMap<>(
				dunning.invoice(number, dunning.today().minusDays(40), "820.00", "B2B"));
		post(invoice);
		addAddress(number);
		if (!withEmail) {
			// Intake asks for an email address; customers recorded before it did may have none.
			jdbc.sql("UPDATE customer SET email = NULL WHERE external_id = ?").param("C-" + number).update();
		}
		return number;
	}

	private void post(Map<String, Object> invoice) {
		Api.Response response = dunning.as("integrator").post("/api/invoices", invoice);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		dunning.awaitCaseStatus((String) invoice.get("invoiceNumber"), "OPEN");
	}

	private void addAddress(String number) {
		jdbc.sql("""
				UPDATE customer SET address_line1 = '3 place du Marché', postcode = '69002', city = 'Lyon', country = 'FR'
				WHERE external_id = ?
				""").param("C-" + number).update();
	}

	private long caseId(String number) {
		return jdbc.sql("SELECT id FROM dunning_case WHERE invoice_number = ?").param(number).query(Long.class).single();
	}

	private List<String> noticeSteps(String number) {
		return dunning.outbox(number).stream()
			.filter(m -> m.get("step").asText().equals(STEP))
			.map(m -> m.get("channel").asText())
			.toList();
	}

	private List<byte[]> attachments(String number) {
		return jdbc.sql("""
				SELECT a.content FROM outbox_attachment a JOIN outbox_message m ON m.id = a.outbox_message_id
				WHERE m.invoice_number = ? AND m.step = ? ORDER BY a.id
				""").params(number, STEP).query((rs, n) -> rs.getBytes(1)).list();
	}

	private List<JsonNode> noticesIssued(String number) {
		return dunning.history(number).stream().filter(h -> h.get("type").asText().equals("NOTICE_ISSUED")).toList();
	}

}
