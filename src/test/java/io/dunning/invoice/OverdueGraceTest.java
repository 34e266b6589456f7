package io.dunning.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunning.Dunning;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = { "dunning.overdue.grace-days=3", "dunning.test.database-suffix=_grace" })
class OverdueGraceTest extends IntegrationTest {

	@Test
	void theInvoiceStatusSaysOverdueOnlyOnceTheGraceDaysHavePassed() {
		Dunning dunning = new Dunning(port);
		String withinGrace = dunning.overdueInvoice("GRACE", 2, "50.00");
		String pastGrace = dunning.overdueInvoice("PASTGRACE", 4, "50.00");

		dunning.awaitCaseStatus(pastGrace, "OPEN");

		assertThat(dunning.status(pastGrace).get("status").asText()).isEqualTo("OVERDUE");
		assertThat(dunning.status(withinGrace).get("status").asText()).isEqualTo("OPEN");
		assertThat(dunning.status(withinGrace).get("case").isNull()).isTrue();
	}

}
