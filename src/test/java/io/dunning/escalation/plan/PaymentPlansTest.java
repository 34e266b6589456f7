package io.dunning.escalation.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.dunning.Dunning;
import io.dunning.IntegrationTest;
import io.dunning.escalation.CaseId;
import io.dunning.escalation.cases.Cases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A case may negotiate a plan more than once; the instalment watch reads the plan of the latest negotiation. */
class PaymentPlansTest extends IntegrationTest {

	@Autowired PaymentPlans plans;
	@Autowired Cases cases;
	@Autowired JdbcClient jdbc;

	Dunning dunning;

	@BeforeEach
	void setUp() {
		dunning = new Dunning(port);
	}

	@Test
	void aSecondNegotiationMakesANewPlanThatTheWatchReads() {
		String number = dunning.overdueInvoice("REPLAN", 30, "900.00");
		dunning.awaitCaseStatus(number, "OPEN");
		CaseId caseId = cases.findByInvoice(number).orElseThrow().id();
		LocalDate today = dunning.today();

		List<Instalment> first = plans.schedule(caseId, number, 3, today.plusDays(10), "collector");
		dunning.pay(number, "300.00");
		List<Instalment> second = plans.schedule(caseId, number, 2, today.plusDays(60), "collector");

		assertThat(first).extracting(Instalment::amount).map(BigDecimal::toPlainString)
			.containsExactly("300.00", "300.00", "300.00");
		assertThat(second).extracting(Instalment::amount).map(BigDecimal::toPlainString).containsExactly("300.00", "300.00");
		assertThat(second.getFirst().dueDate()).isEqualTo(today.plusDays(60));
		// Nothing paid since the second plan began: its first instalment is missed, whatever the first plan saw.
		assertThat(plans.isMissed(caseId, number, 1)).isTrue();

		dunning.pay(number, "300.00");

		assertThat(plans.isMissed(caseId, number, 1)).isFalse();
		assertThat(plans.isMissed(caseId, number, 2)).isTrue();
	}

	@Test
	void theSameNegotiationAskedAgainKeepsItsPlan() {
		String number = dunning.overdueInvoice("SAMEPLAN", 30, "900.00");
		dunning.awaitCaseStatus(number, "OPEN");
		CaseId caseId = cases.findByInvoice(number).orElseThrow().id();
		LocalDate first = dunning.today().plusDays(10);

		List<Instalment> planned = plans.schedule(caseId, number, 3, first, "collector");
		dunning.pay(number, "100.00");
		List<Instalment> again = plans.schedule(caseId, number, 3, first, "collector");

		assertThat(again).isEqualTo(planned);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_plan WHERE case_id = ?").param(caseId.value())
			.query(Integer.class).single()).isEqualTo(1);
	}

}
