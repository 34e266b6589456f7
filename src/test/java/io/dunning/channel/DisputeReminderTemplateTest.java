package io.dunning.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dunning.channel.ContactRequest.Recipient;
import org.junit.jupiter.api.Test;

/** The managers' reminder of a dispute still open, in both languages the managers' address may choose. */
class DisputeReminderTemplateTest {

	private final TemplateCatalog templates = new TemplateCatalog(Contacts.properties("Acme SAS"));

	@Test
	void theFrenchReminderNamesTheInvoiceTheCustomerTheReasonAndTheDayItWasRaised() {
		RenderedMessage message = templates.render(reminder(Locale.FRANCE, "Qualité"));

		assertThat(message.subject()).isEqualTo("Contestation toujours ouverte : facture F-2026-001 (Boulangerie Dupont)");
		assertThat(message.body()).startsWith("Bonjour,")
			.contains("La contestation ouverte le 5 décembre 2026 sur la facture F-2026-001")
			.contains("Motif : Qualité")
			.contains("« Résolution de contestation »")
			.endsWith("Acme SAS");
	}

	@Test
	void theEnglishReminderSaysTheSame() {
		RenderedMessage message = templates.render(reminder(Locale.UK, "Quality"));

		assertThat(message.subject()).isEqualTo("Dispute still open: invoice F-2026-001 (Boulangerie Dupont)");
		assertThat(message.body()).contains("The dispute raised on 5 December 2026 on invoice F-2026-001")
			.contains("Reason: Quality")
			.contains("\"Dispute resolution\"");
	}

	private static ContactRequest reminder(Locale locale, String reason) {
		return new ContactRequest(7, "Task_ResolveDispute:reminder:3", Channel.EMAIL, "dispute-reminder",
				new Recipient("managers", locale, "managers@example.com", null, true), Contacts.invoice("F-2026-001"),
				Map.of("customer", "Boulangerie Dupont", "reason", reason, "raisedOn", "2026-12-05"), List.of());
	}

}
