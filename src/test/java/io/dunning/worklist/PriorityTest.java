package io.dunning.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PriorityTest {

	final PriorityWeights weights = new PriorityWeights(10, 1, 40, 30, 5, 20);

	@Test
	void aPassedSlaAndThePaymentHistoryAreReasonsOfTheirOwn() {
		LocalDate today = LocalDate.of(2025, 3, 14);

		Priority priority = Priority.of(weights, new BigDecimal("1000.00"), today.minusDays(10), null,
				new PaymentHistory(2, 7), LocalDate.of(2025, 3, 12), today);

		assertThat(priority.reasons()).extracting(Priority.Reason::key, Priority.Reason::points, Priority.Reason::about)
			.containsExactly(tuple("reason.past-promises", 100L, 7), tuple("reason.amount", 30L, new BigDecimal("1000")),
					tuple("reason.sla", 30L, "12/03"), tuple("reason.overdue", 10L, 10L),
					tuple("reason.late-invoices", 10L, 2));
		assertThat(priority.score()).isEqualTo(180);
	}

	@Test
	void theBaseOrdersTasksAsTheirScoreDoesWhateverTheDay() {
		LocalDate today = LocalDate.of(2025, 3, 14);
		PaymentHistory history = new PaymentHistory(1, 1);
		long base = Priority.base(weights, new BigDecimal("500"), today.minusDays(3), null, history);
		long score = Priority.of(weights, new BigDecimal("500"), today.minusDays(3), null, history, null, today).score();

		// score = base + days overdue counted from the epoch: the same offset for every task on a given day.
		assertThat(score - base).isEqualTo(today.toEpochDay() * weights.dayOverdue());
	}

}
