package io.dunning.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.dunning.Dunning;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

class CaseHistoryTest extends IntegrationTest {

	@Autowired
	CaseHistory history;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aRedeliveredJobRecordsItsEventOnceAndTheRestOfItsTransactionStillCommits() {
		String invoice = Dunning.newInvoiceNumber("HIST");
		// Sources are unique across the table: one per run, so that a database kept from a former run does not answer.
		String source = "run-" + invoice + ":42";
		transactions.executeWithoutResult(tx -> {
			assertThat(history.appendOnce(source, invoice, HistoryType.STEP_ENTERED, "Task_X", "system", Map.of()))
				.isTrue();
			history.append(invoice, HistoryType.MESSAGE_SENT, "Task_X", "system", Map.of("ledgerId", 7));
		});
		transactions.executeWithoutResult(tx -> {
			assertThat(history.appendOnce(source, invoice, HistoryType.STEP_ENTERED, "Task_X", "system", Map.of()))
				.isFalse();
			history.append(invoice, HistoryType.STEP_LEFT, "Task_X", "system", Map.of());
		});

		assertThat(history.of(invoice)).extracting(HistoryEntry::type)
			.containsExactly("STEP_ENTERED", "MESSAGE_SENT", "STEP_LEFT");
		assertThat(history.of(invoice).get(1).details()).containsEntry("ledgerId", 7);
	}

	@Test
	void anEventIsOnlyAppendedInsideTheTransactionOfItsChange() {
		assertThatThrownBy(() -> history.append("ANY", HistoryType.CASE_OPENED, null, "system", Map.of()))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

}
