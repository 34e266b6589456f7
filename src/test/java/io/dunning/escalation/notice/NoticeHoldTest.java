package io.dunning.escalation.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunning.Dunning;
import io.dunning.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A notice for a customer without a postal address waits for a collector to complete it, then goes out. */
class NoticeHoldTest extends IntegrationTest {

	Dunning dunning;

	@BeforeEach
	void setUp() {
		dunning = new Dunning(port);
	}

	@Test
	void aNoticeWithoutPostalAddressIsHeldUntilACollectorCompletesIt() {
		String number = dunning.overdueInvoice("HELD", 22, "900.00");
		dunning.approveNoticeAfterAnUnansweredCall(number);

		JsonNode task = dunning.awaitOpenTask(number, "Task_CompletePostalAddress");

		assertThat(task.get("candidateGroup").asText()).isEqualTo("collectors");
		assertThat(task.get("formId").asText()).isEqualTo("postal-address");
		// The send-notice job threw before the task could exist: had it sent anything, it would be here by now.
		assertThat(steps(number)).doesNotContain("EMAIL Task_SendFormalNotice", "LETTER Task_SendFormalNotice");
		assertThat(dunning.history(number)).noneMatch(h -> h.get("type").asText().equals("NOTICE_ISSUED"));

		dunning.complete("collector", task, Map.of("addressLine1", "3 place du Marché", "addressLine2", "Bâtiment B",
				"postcode", "69002", "city", "Lyon", "country", "FR"));

		await().atMost(Duration.ofSeconds(20)).until(() -> steps(number).contains("LETTER Task_SendFormalNotice"));
		assertThat(dunning.outbox(number)).filteredOn(m -> m.get("channel").asText().equals("LETTER"))
			.singleElement()
			.satisfies(letter -> assertThat(letter.get("body").asText())
				.contains("Adresse : 3 place du Marché, Bâtiment B, 69002 Lyon"));
		dunning.awaitStep(number, "Timer_HandoffDue");
		assertThat(dunning.history(number)).filteredOn(h -> h.get("type").asText().equals("NOTICE_ISSUED")).hasSize(1);
	}

	private List<String> steps(String number) {
		return dunning.outbox(number).stream().map(m -> m.get("channel").asText() + " " + m.get("step").asText()).toList();
	}

}
