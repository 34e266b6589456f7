package io.dunning.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunning.Api;
import io.dunning.Dunning;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvoiceIntakeTest extends IntegrationTest {

	static final String HEADER = "invoice_number,customer_id,customer_name,customer_type,language,email,phone,amount,currency,issue_date,due_date";

	Dunning dunning;

	@BeforeEach
	void setUp() {
		dunning = new Dunning(port);
	}

	@Test
	void csvWithBomAndQuotingIsImportedOnceAndARepeatChangesNothing() {
		String a = Dunning.newInvoiceNumber("CSV");
		String b = Dunning.newInvoiceNumber("CSV");
		LocalDate due = dunning.today().plusDays(20);
		String csv = "\uFEFF" + HEADER + "\r\n"
				+ a + ",C-" + a + ",\"Dupont, Fils & Cie\",B2B,fr,compta@dupont.fr,+33612345678,1250.00,EUR,2026-01-01," + due + "\r\n"
				+ b + ",C-" + b + ",\"Smith \"\"The Baker\"\"\",B2C,en,john@smith.co.uk,,80.5,EUR,2026-01-01," + due + "\r\n";
		Api integrator = dunning.as("integrator");

		Api.Response first = integrator.upload("/api/invoices/import", "invoices.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(first.status()).as(first.text()).isEqualTo(200);
		assertThat(first.body().get("created").asInt()).isEqualTo(2);
		assertThat(first.body().get("unchanged").asInt()).isZero();

		Api.Response again = integrator.upload("/api/invoices/import", "invoices.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(again.body().get("created").asInt()).isZero();
		assertThat(again.body().get("unchanged").asInt()).isEqualTo(2);

		JsonNode invoice = dunning.status(a);
		assertThat(invoice.get("customerName").asText()).isEqualTo("Dupont, Fils & Cie");
		assertThat(invoice.get("amount").decimalValue()).isEqualByComparingTo("1250.00");
		assertThat(invoice.get("balance").decimalValue()).isEqualByComparingTo("1250.00");
		assertThat(invoice.get("currency").asText()).isEqualTo("EUR");
		assertThat(invoice.get("dueDate").asText()).isEqualTo(due.toString());
		assertThat(invoice.get("status").asText()).isEqualTo("OPEN");
		assertThat(invoice.has("case")).isTrue();
		assertThat(invoice.get("case").isNull()).isTrue();
		assertThat(dunning.status(b).get("customerName").asText()).isEqualTo("Smith \"The Baker\"");
	}

	@Test
	void badRowsAreAllNamedAndNothingIsStored() {
		String good = Dunning.newInvoiceNumber("OK");
		String csv = HEADER + "\n"
				+ good + ",C1,Good Co,B2B,fr,a@b.fr,,100.00,EUR,2026-01-01,2026-02-01\n"
				+ "BAD-1,C2,Bad Co,B2X,de,not-an-email,,-5,EUR,2026-13-01,2026-02-01\n"
				+ ",C3,Bad Co,B2B,fr,a@b.fr,,10.123,EUR,2026-03-01,2026-02-01\n";

		Api.Response response = dunning.as("integrator").upload("/api/invoices/import", "bad.csv", csv.getBytes(StandardCharsets.UTF_8));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		List<String> problems = new java.util.ArrayList<>();
		response.body().get("errors").forEach(e -> problems.add(e.get("row").asInt() + ":" + e.get("field").asText()));
		assertThat(problems).containsExactlyInAnyOrder("2:customer_type", "2:language", "2:email", "2:amount",
				"2:issue_date", "3:invoice_number", "3:amount", "3:due_date");
		assertThat(dunning.as("integrator").get("/api/invoices/" + good).status()).isEqualTo(404);
	}

	@Test
	void aWrongHeaderIsRejected() {
		Api.Response response = dunning.as("integrator").upload("/api/invoices/import", "x.csv",
				"number,amount\nA,1\n".getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("file");
	}

	@Test
	void jsonTakesOneInvoiceOrAnArrayAndConflictingTermsAreA409() {
		String one = Dunning.newInvoiceNumber("JS");
		String two = Dunning.newInvoiceNumber("JS");
		LocalDate due = dunning.today().plusDays(10);
		Api integrator = dunning.as("integrator");

		assertThat(integrator.post("/api/invoices", dunning.invoice(one, due, "300.00", "B2B")).body().get("created").asInt())
			.isEqualTo(1);
		Api.Response batch = integrator.post("/api/invoices",
				List.of(dunning.invoice(one, due, "300.00", "B2B"), dunning.invoice(two, due, "42.00", "B2C")));
		assertThat(batch.body().get("created").asInt()).isEqualTo(1);
		assertThat(batch.body().get("unchanged").asInt()).isEqualTo(1);

		Api.Response conflict = integrator.post("/api/invoices", dunning.invoice(one, due, "301.00", "B2B"));
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.contentType()).startsWith("application/problem+json");
		assertThat(dunning.status(one).get("amount").decimalValue()).isEqualByComparingTo("300.00");
	}

	@Test
	void jsonErrorsNameTheRowAndTheField() {
		Map<String, Object> bad = dunning.invoice("ANY-1", dunning.today(), "abc", "B2B");
		bad.remove("customerName");
		Api.Response response = dunning.as("integrator").post("/api/invoices",
				List.of(dunning.invoice(Dunning.newInvoiceNumber("JS"), dunning.today(), "1.00", "B2B"), bad));
		assertThat(response.status()).isEqualTo(400);
		List<String> problems = new java.util.ArrayList<>();
		response.body().get("errors").forEach(e -> problems.add(e.get("row").asInt() + ":" + e.get("field").asText()));
		assertThat(problems).containsExactlyInAnyOrder("2:customerName", "2:amount");
	}

	@Test
	void onlyIntegratorsAndAdminsPostInvoicesAndUnknownNumbersAre404() {
		assertThat(dunning.as("auditor").post("/api/invoices", dunning.invoice("X-1", dunning.today(), "1.00", "B2B")).status())
			.isEqualTo(403);
		assertThat(dunning.as("auditor").get("/api/invoices/NOPE-404").status()).isEqualTo(404);
	}

	@Test
	void aCaseOpensOnceTheClockPassesTheDueDateAndOnlyOnce() {
		String number = Dunning.newInvoiceNumber("DUE");
		dunning.as("integrator").post("/api/invoices", dunning.invoice(number, dunning.today().plusDays(2), "70.00", "B2C"));
		assertThat(dunning.status(number).get("case").isNull()).isTrue();

		dunning.advance("P3D");

		dunning.awaitCaseStatus(number, "OPEN");
		String next = Dunning.newInvoiceNumber("NEXT");
		dunning.as("integrator").post("/api/invoices", dunning.invoice(next, dunning.today(), "70.00", "B2C"));
		dunning.advance("P1D");

		// The invoice that falls due with this advance proves the sweep after it has run and its case was opened.
		dunning.awaitCaseStatus(next, "OPEN");
		assertThat(dunning.history(number)).filteredOn(h -> h.get("type").asText().equals("CASE_OPENED")).hasSize(1);
	}

	@Test
	void anInvoiceAlreadyOverdueAtIntakeOpensACase() {
		String number = dunning.overdueInvoice("LATE", 1, "99.00");
		dunning.awaitCaseStatus(number, "OPEN");
		assertThat(dunning.status(number).get("status").asText()).isEqualTo("OVERDUE");
		assertThat(dunning.status(number).at("/case/processVersion").asInt()).isPositive();
	}

}
