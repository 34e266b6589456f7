package io.dunning.channel;

import static io.dunning.channel.Contacts.dupont;
import static io.dunning.channel.Contacts.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunning.Api;
import org.junit.jupiter.api.Test;

class OutboxApiTest extends ChannelIntegrationTest {

	@Test
	void withoutAnEmailProviderTheEmailIsKeptInTheOutboxForTheAuditorToRead() {
		long caseId = newCaseId();
		String invoiceNumber = "CH-" + caseId;
		Instant before = Instant.now().minusSeconds(1);
		messenger.send(request(caseId, "Task_SendFriendlyEmail", Channel.EMAIL, "friendly-reminder", dupont(),
				invoiceNumber));

		Api.Response response = as("auditor").get("/api/outbox?invoiceNumber=" + invoiceNumber);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().isArray()).isTrue();
		assertThat(response.body()).singleElement().satisfies(message -> {
			assertThat(message.properties()).extracting(Map.Entry::getKey)
				.containsExactly("channel", "recipient", "subject", "body", "invoiceNumber", "step", "createdAt");
			assertThat(text(message, "channel")).isEqualTo("EMAIL");
			assertThat(text(message, "recipient")).isEqualTo("compta@dupont.example");
			assertThat(text(message, "subject"))
				.isEqualTo("Rappel : facture " + invoiceNumber + " arrivée à échéance le 15 novembre 2026");
			assertThat(text(message, "body")).startsWith("Madame, Monsieur,").contains("RF18" + invoiceNumber);
			assertThat(text(message, "invoiceNumber")).isEqualTo(invoiceNumber);
			assertThat(text(message, "step")).isEqualTo("Task_SendFriendlyEmail");
			assertThat(Instant.parse(text(message, "createdAt"))).isAfter(before);
		});
	}

	@Test
	void collectorsDoNotReadTheOutbox() {
		assertThat(as("collector").get("/api/outbox").status()).isEqualTo(403);
	}

	private static String text(JsonNode node, String field) {
		return node.get(field).asText();
	}

}
