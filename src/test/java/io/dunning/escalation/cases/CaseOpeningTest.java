package io.dunning.escalation.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import io.dunning.Dunning;
import io.dunning.IntegrationTest;
import io.dunning.escalation.cases.CaseOpener;
import io.dunning.invoice.InvoiceOverdue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;

/** An overdue signal that arrives after the money (or a cancellation) opens no case: nothing would ever close it. */
class CaseOpeningTest extends IntegrationTest {

	@Autowired
	CaseOpener asyncOpener;

	CaseOpener opener;

	Dunning dunning;

	/** The listener itself, without its asynchronous proxy, so that each test sees its outcome when it returns. */
	@BeforeEach
	void setUp() {
		opener = AopTestUtils.getUltimateTargetObject(asyncOpener);
		dunning = new Dunning(port);
	}

	@Test
	void anInvoicePaidBeforeItsCaseOpensGetsNoCase() {
		LocalDate due = dunning.today().plusDays(1);
		String number = Dunning.newInvoiceNumber("RACE");
		dunning.as("integrator").post("/api/invoices", dunning.invoice(number, due, "90.00", "B2B"));
		dunning.pay(number, "90.00");

		opener.on(new InvoiceOverdue(number, due));

		assertThat(dunning.status(number).get("case").isNull()).isTrue();
	}

	@Test
	void aCancelledInvoiceGetsNoCaseEither() {
		LocalDate due = dunning.today().plusDays(1);
		String number = Dunning.newInvoiceNumber("RACE");
		dunning.as("integrator").post("/api/invoices", dunning.invoice(number, due, "90.00", "B2B"));
		dunning.as("integrator").post("/api/invoices/" + number + "/cancel", Map.of("reason", "Avoir"));

		opener.on(new InvoiceOverdue(number, due));

		assertThat(dunning.status(number).get("case").isNull()).isTrue();
	}

	@Test
	void theSameSignalTwiceOpensOneCase() {
		String number = dunning.overdueInvoice("TWICE", 3, "90.00");
		dunning.awaitCaseStatus(number, "OPEN");

		opener.on(new InvoiceOverdue(number, dunning.today().minusDays(3)));

		assertThat(dunning.history(number)).filteredOn(h -> h.get("type").asText().equals("CASE_OPENED")).hasSize(1);
	}

}
