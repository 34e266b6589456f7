package io.dunning.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.dunning.Api;
import io.dunning.Dunning;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentApiTest extends IntegrationTest {

	Dunning dunning;

	@BeforeEach
	void setUp() {
		dunning = new Dunning(port);
	}

	@Test
	void aPartialPaymentLowersTheBalanceAndTheSamePaymentAgainChangesNothing() {
		String number = dunning.overdueInvoice("PART", 2, "1000.00");
		dunning.awaitCaseStatus(number, "OPEN");
		Map<String, Object> payment = Map.of("reference", "VIR-" + number, "invoiceNumber", number, "amount", "400.00",
				"currency", "EUR", "paidOn", dunning.today().toString());
		Api integrator = dunning.as("integrator");

		Api.Response first = integrator.post("/api/payments", payment);
		Api.Response repeat = integrator.post("/api/payments", payment);

		assertThat(first.status()).isEqualTo(201);
		assertThat(repeat.status()).isEqualTo(200);
		assertThat(repeat.body().get("created").asBoolean()).isFalse();
		assertThat(dunning.status(number).get("balance").decimalValue()).isEqualByComparingTo("600.00");
		assertThat(dunning.status(number).at("/case/status").asText()).isEqualTo("OPEN");

		Api.Response changed = integrator.post("/api/payments", Map.of("reference", "VIR-" + number, "invoiceNumber",
				number, "amount", "500.00", "currency", "EUR", "paidOn", dunning.today().toString()));
		assertThat(changed.status()).isEqualTo(409);
		assertThat(dunning.status(number).get("balance").decimalValue()).isEqualByComparingTo("600.00");
	}

	@Test
	void theSamePaymentSentEightTimesAtOnceIsStoredOnceAndEveryAnswerIsTheIdempotentOne() throws Exception {
		String number = dunning.overdueInvoice("RACE", 2, "1000.00");
		dunning.awaitCaseStatus(number, "OPEN");
		Map<String, Object> payment = Map.of("reference", "VIR-" + number, "invoiceNumber", number, "amount", "100.00",
				"currency", "EUR", "paidOn", dunning.today().toString());
		Api integrator = dunning.as("integrator");

		List<Integer> statuses;
		try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> sent = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				sent.add(senders.submit(() -> {
					start.await();
					return integrator.post("/api/payments", payment).status();
				}));
			}
			start.countDown();
			statuses = new ArrayList<>();
			for (Future<Integer> answer : sent) {
				statuses.add(answer.get());
			}
		}

		assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
		assertThat(dunning.status(number).get("balance").decimalValue()).isEqualByComparingTo("900.00");
	}

	@Test
	void aFullPaymentShowsTheCasePaidWithinOneSecond() {
		String number = dunning.overdueInvoice("FULL", 2, "250.00");
		dunning.awaitCaseStatus(number, "OPEN");

		dunning.pay(number, "250.00");

		await().atMost(Duration.ofSeconds(1)).untilAsserted(
				() -> assertThat(dunning.status(number).at("/case/status").asText()).isEqualTo("PAID"));
		assertThat(dunning.status(number).get("status").asText()).isEqualTo("PAID");
		assertThat(dunning.history(number)).extracting(h -> h.get("type").asText())
			.contains("PAYMENT_RECEIVED", "CASE_CLOSED");
	}

	@Test
	void badPaymentsNameEveryBadField() {
		Api.Response response = dunning.as("integrator").post("/api/payments",
				Map.of("reference", "", "amount", "-3", "currency", "EURO"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("errors")).extracting(e -> e.get("field").asText())
			.contains("reference", "invoiceNumber", "amount", "currency", "paidOn");
	}

	@Test
	void aPaymentInAnotherCurrencyOrAboveTheBalanceIsRefusedAndStoresNothing() {
		String number = dunning.overdueInvoice("CUR", 2, "100.00");
		Api integrator = dunning.as("integrator");
		assertThat(integrator.post("/api/payments", Map.of("reference", "R1-" + number, "invoiceNumber", number,
				"amount", "10.00", "currency", "USD", "paidOn", dunning.today().toString())).status()).isEqualTo(400);
		assertThat(integrator.post("/api/payments", Map.of("reference", "R2-" + number, "invoiceNumber", number,
				"amount", "100.01", "currency", "EUR", "paidOn", dunning.today().toString())).status()).isEqualTo(400);
		assertThat(dunning.status(number).get("balance").decimalValue()).isEqualByComparingTo("100.00");
	}

	@Test
	void auditorsCannotPostPayments() {
		assertThat(dunning.as("auditor").post("/api/payments", Map.of()).status()).isEqualTo(403);
	}

	@Test
	void hostilePaymentsAreRefusedFieldByFieldBeforeAnyArithmetic() {
		String number = dunning.overdueInvoice("HOSTILE", 2, "100.00");
		Api integrator = dunning.as("integrator");
		String today = dunning.today().toString();

		long start = System.nanoTime();
		Api.Response hugeNumber = integrator.post("/api/payments", payment("H1-" + number, number, "1e30000000", "EUR", today));
		Api.Response hugeText = integrator.post("/api/payments", payment("H2-" + number, number, "\"1e10000000\"", "EUR", today));
		Api.Response beyondInt = integrator.post("/api/payments", payment("H3-" + number, number, "1e999999999", "EUR", today));
		Api.Response beyondColumn = integrator.post("/api/payments", payment("H4-" + number, number, "1234567890123456", "EUR", today));
		Duration spent = Duration.ofNanos(System.nanoTime() - start);
		Api.Response hostileText = integrator.post("/api/payments",
				payment("H5\\u0000-" + number, "F/2026/1", "10.00", "XAU", "1999-12-31"));

		assertThat(List.of(hugeNumber, hugeText, beyondInt, beyondColumn)).allSatisfy(r -> {
			assertThat(r.status()).as(r.text()).isEqualTo(400);
			assertThat(r.body().get("errors")).extracting(e -> e.get("field").asText()).containsExactly("amount");
		});
		// Before the bounds, these calls cost over a minute of CPU; 10 s leaves room for a busy build machine.
		assertThat(spent).isLessThan(Duration.ofSeconds(10));
		assertThat(hostileText.status()).isEqualTo(400);
		assertThat(hostileText.body().get("errors")).extracting(e -> e.get("field").asText())
			.containsExactlyInAnyOrder("reference", "invoiceNumber", "currency", "paidOn");
		assertThat(dunning.status(number).get("balance").decimalValue()).isEqualByComparingTo("100.00");
	}

	@Test
	void aPaymentOnTheLargestAmountAsAJsonNumberSettlesTheInvoiceToTheCent() {
		String number = dunning.overdueInvoice("EXACTPAY", 2, "99999999999999.99");
		Api.Response paid = dunning.as("integrator").post("/api/payments",
				payment("X-" + number, number, "99999999999999.99", "EUR", dunning.today().toString()));

		assertThat(paid.status()).as(paid.text()).isEqualTo(201);
		assertThat(dunning.as("integrator").get("/api/invoices/" + number).text()).contains("\"status\":\"PAID\"");
	}

	private static String payment(String reference, String invoiceNumber, String amount, String currency, String paidOn) {
		return """
				{"reference": "%s", "invoiceNumber": "%s", "amount": %s, "currency": "%s", "paidOn": "%s"}
				""".formatted(reference, invoiceNumber, amount, currency, paidOn);
	}

}
