package io.dunning.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.dunning.Api;
import io.dunning.Dunning;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Many cases escalating at the same moment: concurrent sends and task openings must neither collide nor repeat. */
class BatchEscalationTest extends IntegrationTest {

	static final int CASES = 30;

	@Test
	void aBatchOfLateInvoicesEscalatesTogetherWithOneMessagePerContactAndOneTaskPerCall() {
		Dunning dunning = new Dunning(port);
		LocalDate due = dunning.today().minusDays(22);
		StringBuilder csv = new StringBuilder(
				"invoice_number,customer_id,customer_name,customer_type,language,email,phone,amount,currency,issue_date,due_date\n");
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < CASES; i++) {
			String number = Dunning.newInvoiceNumber("BATCH");
			numbers.add(number);
			csv.append(number).append(",C-").append(number).append(",Client ").append(i)
				.append(",B2B,").append(i % 2 == 0 ? "fr" : "en").append(",client").append(i)
				.append("@example.com,+3361234567").append(i % 10).append(",150.00,EUR,")
				.append(due.minusDays(30)).append(',').append(due).append('\n');
		}
		Api.Response imported = dunning.as("integrator").upload("/api/invoices/import", "batch.csv",
				csv.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(imported.body().get("created").asInt()).isEqualTo(CASES);

		await().atMost(Duration.ofSeconds(60)).until(() -> numbers.stream()
			.allMatch(n -> "Timer_FormalReminderDue".equals(dunning.status(n).at("/case/currentStep").asText())));
		dunning.advance("P7D");
		await().atMost(Duration.ofSeconds(60)).until(() -> numbers.stream()
			.allMatch(n -> "Timer_CourtesyCallDue".equals(dunning.status(n).at("/case/currentStep").asText())));
		dunning.advance("P7D");
		await().atMost(Duration.ofSeconds(60)).until(() -> numbers.stream().allMatch(n -> dunning.openTasks(n).size() == 1));

		for (String number : numbers) {
			assertThat(dunning.outbox(number)).extracting(m -> m.get("channel").asText() + " " + m.get("step").asText())
				.containsExactly("EMAIL Task_SendFriendlyEmail", "EMAIL Task_SendFormalEmail", "SMS Task_SendFormalSms");
		}
	}

}
