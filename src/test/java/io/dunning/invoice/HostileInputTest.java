package io.dunning.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunning.Api;
import io.dunning.Dunning;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Intake refuses what would break a letter, a URL or the server, with a 400 that names each bad field. */
class HostileInputTest extends IntegrationTest {

	Dunning dunning;
	Api integrator;

	@BeforeEach
	void setUp() {
		dunning = new Dunning(port);
		integrator = dunning.as("integrator");
	}

	@Test
	void controlCharactersInAnyTextFieldAreRefusedAndNothingIsStored() {
		String number = Dunning.newInvoiceNumber("CTRL");
		Map<String, Object> invoice = dunning.invoice(number, dunning.today().plusDays(10), "10.00", "B2B");
		invoice.put("customerName", "Atelier\u000BMartin");
		invoice.put("addressLine1", "1 rue de la Paix\u0000");
		invoice.put("postcode", "75002");
		invoice.put("city", "Paris");

		Api.Response json = integrator.post("/api/invoices", invoice);

		assertThat(json.status()).isEqualTo(400);
		assertThat(fields(json)).containsExactlyInAnyOrder("1:customerName", "1:addressLine1");
		assertThat(json.body().at("/errors/0/message").asText()).contains("U+000B");
		assertThat(integrator.get("/api/invoices/" + number).status()).isEqualTo(404);

		String csv = InvoiceIntakeTest.HEADER + "\n" + number + ",C-" + number
				+ ",\"Dupont\u000BFils\",B2B,fr,a@b.fr,,10.00,EUR,2026-01-01,2026-02-01\n";
		Api.Response file = integrator.upload("/api/invoices/import", "ctrl.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(file.status()).isEqualTo(400);
		assertThat(fields(file)).containsExactly("1:customer_name");
	}

	@Test
	void invoiceNumbersOutsideLettersDigitsDotUnderscoreAndDashAreRefused() {
		LocalDate due = dunning.today().plusDays(10);
		Map<String, Object> tooLong = dunning.invoice("F".repeat(65), due, "1.00", "B2B");
		tooLong.put("customerId", "C-LONG");
		Api.Response slash = integrator.post("/api/invoices", List.of(dunning.invoice("F/2026/0412", due, "1.00", "B2B"),
				dunning.invoice("F 2026", due, "1.00", "B2B"), tooLong));

		assertThat(slash.status()).isEqualTo(400);
		// The first one's customer id, made from its number, holds slashes too.
		assertThat(fields(slash)).containsExactlyInAnyOrder("1:invoiceNumber", "1:customerId", "2:invoiceNumber",
				"3:invoiceNumber");
	}

	@Test
	void hugeExponentsAreRefusedBeforeAnyArithmetic() {
		String number = Dunning.newInvoiceNumber("EXP");
		String asNumber = json(number, "1e30000000");
		String asText = json(number, "\"1e10000000\"");
		String beyondInt = json(number, "1e999999999");

		long start = System.nanoTime();
		List<Api.Response> responses = List.of(integrator.post("/api/invoices", asNumber),
				integrator.post("/api/invoices", asText), integrator.post("/api/invoices", beyondInt));
		Duration spent = Duration.ofNanos(System.nanoTime() - start);

		assertThat(responses).allSatisfy(r -> {
			assertThat(r.status()).as(r.text()).isEqualTo(400);
			assertThat(fields(r)).containsExactly("1:amount");
		});
		// Before the bounds, these calls cost over a minute of CPU; 10 s leaves room for a busy build machine.
		assertThat(spent).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void amountsBeyondDecimal19Scale4AreA400() {
		LocalDate due = dunning.today().plusDays(10);
		Api.Response response = integrator.post("/api/invoices",
				List.of(dunning.invoice(Dunning.newInvoiceNumber("BIG"), due, "1234567890123456.00", "B2B"),
						dunning.invoice(Dunning.newInvoiceNumber("BIG"), due, "10.001", "B2B")));

		assertThat(response.status()).isEqualTo(400);
		assertThat(fields(response)).containsExactlyInAnyOrder("1:amount", "2:amount");
	}

	@Test
	void aJsonNumberKeepsEveryDigit() {
		String number = Dunning.newInvoiceNumber("EXACT");
		Api.Response response = integrator.post("/api/invoices", json(number, "99999999999999.99"));

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(integrator.get("/api/invoices/" + number).text()).contains("\"amount\":99999999999999.99,");
	}

	@Test
	void theErrorListIsCappedAtTheFirstThousandWithTheTotalCount() {
		StringBuilder csv = new StringBuilder(InvoiceIntakeTest.HEADER).append('\n');
		for (int i = 0; i < 1_500; i++) {
			csv.append("BAD-").append(i).append(",C1,Bad Co,B2B,fr,not-an-email,,-5,EUR,2026-01-01,2026-02-01\n");
		}

		Api.Response response = integrator.upload("/api/invoices/import", "bad.csv",
				csv.toString().getBytes(StandardCharsets.UTF_8));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("errors")).hasSize(1_000);
		assertThat(response.body().get("totalErrors").asInt()).isEqualTo(3_000);
		assertThat(response.body().get("detail").asText()).contains("3000 fields are invalid; the first 1000 are listed");
	}

	@Test
	void datesOutsideTwoThousandToTenYearsAheadAreRefusedSayingWhy() {
		LocalDate today = dunning.today();
		Map<String, Object> invoice = dunning.invoice(Dunning.newInvoiceNumber("DATE"), today.plusYears(11), "1.00", "B2B");
		invoice.put("issueDate", "1900-01-01");

		Api.Response response = integrator.post("/api/invoices", invoice);

		assertThat(response.status()).isEqualTo(400);
		assertThat(fields(response)).containsExactlyInAnyOrder("1:issueDate", "1:dueDate");
		assertThat(response.body().get("errors")).allSatisfy(e -> assertThat(e.get("message").asText())
			.contains("must be between 2000-01-01 and " + today.plusYears(10)));
	}

	@Test
	void onlyIso4217CurrenciesWithMinorUnitsAreAccepted() {
		LocalDate due = dunning.today().plusDays(10);
		List<Map<String, Object>> invoices = new ArrayList<>();
		for (String currency : List.of("XXX", "XAU", "XDR", "JPY")) {
			Map<String, Object> invoice = dunning.invoice(Dunning.newInvoiceNumber("CUR"), due, "100", "B2B");
			invoice.put("currency", currency);
			invoices.add(invoice);
		}

		Api.Response response = integrator.post("/api/invoices", invoices);

		assertThat(response.status()).isEqualTo(400);
		assertThat(fields(response)).containsExactlyInAnyOrder("1:currency", "2:currency", "3:currency");
	}

	@Test
	void namesThatReorderOrHideTheirTextAreRefusedAndNothingIsStored() {
		// Raw JSON escapes: a lone surrogate cannot be written by a JSON library, but a hostile client sends one.
		List<String> names = List.of("Atelier \\u202Efdp.exe", "\\u202DMartin", "Martin \\u2067SARL\\u2069",
				"\\u200B\\u200B\\u200B", "\\u00A0\\u00A0", "Martin \\ud800");
		StringBuilder body = new StringBuilder("[");
		List<String> numbers = new ArrayList<>();
		for (String name : names) {
			String number = Dunning.newInvoiceNumber("NAME");
			numbers.add(number);
			body.append(body.length() > 1 ? "," : "").append(json(number, "10.00").replace("Atelier Martin", name));
		}

		Api.Response response = integrator.post("/api/invoices", body.append(']').toString());

		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(fields(response)).containsExactly("1:customerName", "2:customerName", "3:customerName",
				"4:customerName", "5:customerName", "6:customerName");
		assertThat(numbers).allSatisfy(n -> assertThat(integrator.get("/api/invoices/" + n).status()).isEqualTo(404));
	}

	@Test
	void aWithdrawnCurrencyIsRefused() {
		Map<String, Object> invoice = dunning.invoice(Dunning.newInvoiceNumber("FRF"), dunning.today().plusDays(10), "100",
				"B2B");
		invoice.put("currency", "FRF");

		Api.Response response = integrator.post("/api/invoices", invoice);

		assertThat(response.status()).isEqualTo(400);
		assertThat(fields(response)).containsExactly("1:currency");
		assertThat(response.body().at("/errors/0/message").asText()).contains("withdrawn");
	}

	@Test
	void aCustomerIdThatCannotBeInAnAddressIsRefused() {
		Map<String, Object> invoice = dunning.invoice(Dunning.newInvoiceNumber("SLASH"), dunning.today().plusDays(10),
				"100", "B2B");
		invoice.put("customerId", "C/42");

		Api.Response response = integrator.post("/api/invoices", invoice);

		assertThat(response.status()).isEqualTo(400);
		assertThat(fields(response)).containsExactly("1:customerId");
	}

	private String json(String number, String amount) {
		return """
				{"invoiceNumber": "%s", "customerId": "C-%s", "customerName": "Atelier Martin", "customerType": "B2B",
				 "language": "fr", "email": "compta@atelier-martin.fr", "amount": %s, "currency": "EUR",
				 "issueDate": "%s", "dueDate": "%s"}
				""".formatted(number, number, amount, dunning.today().minusDays(20), dunning.today().plusDays(10));
	}

	static List<String> fields(Api.Response response) {
		List<String> fields = new ArrayList<>();
		for (JsonNode error : response.body().get("errors")) {
			fields.add((error.get("row").isNull() ? "" : error.get("row").asInt() + ":") + error.get("field").asText());
		}
		return fields;
	}

}
