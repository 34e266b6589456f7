package io.dunning.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunning.Dunning;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EscalationPathTest extends IntegrationTest {

	Dunning dunning;

	@BeforeEach
	void setUp() {
		dunning = new Dunning(port);
	}

	@Test
	void paidAfterTheFriendlyEmailClosesTheCase() {
		String number = dunning.overdueInvoice("PAID1", 4, "1250.00");
		dunning.awaitStep(number, "Timer_FormalReminderDue");
		dunning.pay(number, "1250.00");
		dunning.awaitCaseStatus(number, "PAID");
		assertThat(dunning.status(number).get("status").asText()).isEqualTo("PAID");
	}

}
