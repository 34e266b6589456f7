package io.dunning.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.dunning.Api;
import io.dunning.Dunning;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvoiceCancellationTest extends IntegrationTest {

	Dunning dunning;

	@BeforeEach
	void setUp() {
		dunning = new Dunning(port);
	}

	@Test
	void aCancelledInvoiceClosesItsCaseOnceAndTakesNoPayment() {
		String number = dunning.overdueInvoice("CANCEL", 4, "300.00");
		dunning.awaitCaseStatus(number, "OPEN");
		Api integrator = dunning.as("integrator");

		Api.Response first = integrator.post("/api/invoices/" + number + "/cancel", Map.of("reason", "Avoir AV-2026-17"));
		Api.Response again = integrator.post("/api/invoices/" + number + "/cancel", Map.of("reason", "Avoir AV-2026-17"));

		assertThat(first.body().get("cancelled").asBoolean()).isTrue();
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().get("cancelled").asBoolean()).isFalse();
		assertThat(dunning.status(number).get("status").asText()).isEqualTo("CANCELLED");
		assertThat(dunning.status(number).at("/case/status").asText()).isEqualTo("CANCELLED");
		assertThat(dunning.history(number)).filteredOn(h -> h.get("type").asText().equals("INVOICE_CANCELLED")).hasSize(1);
		assertThat(integrator.post("/api/payments", Map.of("reference", "P-" + number, "invoiceNumber", number,
				"amount", "300.00", "currency", "EUR", "paidOn", dunning.today().toString())).status()).isEqualTo(400);
	}

	@Test
	void aPaidInvoiceCannotBeCancelled() {
		String number = dunning.overdueInvoice("PAIDCANCEL", 4, "30.00");
		dunning.pay(number, "30.00");
		assertThat(dunning.as("integrator").post("/api/invoices/" + number + "/cancel", Map.of("reason", "x")).status())
			.isEqualTo(409);
	}

	@Test
	void aCancellationNeedsAReasonAKnownInvoiceAndTheRightRole() {
		String number = dunning.overdueInvoice("NOREASON", 1, "30.00");
		Api.Response noReason = dunning.as("integrator").post("/api/invoices/" + number + "/cancel", Map.of());
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.body().at("/errors/0/field").asText()).isEqualTo("reason");
		assertThat(dunning.as("integrator").post("/api/invoices/NOPE-1/cancel", Map.of("reason", "x")).status())
			.isEqualTo(404);
		assertThat(dunning.as("auditor").post("/api/invoices/" + number + "/cancel", Map.of("reason", "x")).status())
			.isEqualTo(403);
		assertThat(dunning.status(number).get("status").asText()).isEqualTo("OVERDUE");
	}

	@Test
	void aCancelledInvoiceNeverOpensACase() {
		String number = Dunning.newInvoiceNumber("VOID");
		String owed = Dunning.newInvoiceNumber("OWED");
		dunning.as("integrator").post("/api/invoices", dunning.invoice(number, dunning.today().plusDays(1), "10.00", "B2C"));
		dunning.as("integrator").post("/api/invoices", dunning.invoice(owed, dunning.today().plusDays(1), "10.00", "B2C"));
		dunning.as("integrator").post("/api/invoices/" + number + "/cancel", Map.of("reason", "Erreur de facturation"));

		dunning.advance("P3D");

		// The invoice due on the same day proves the sweep after the advance has run, and its case was opened.
		dunning.awaitCaseStatus(owed, "OPEN");
		assertThat(dunning.status(number).get("case").isNull()).isTrue();
	}

}
