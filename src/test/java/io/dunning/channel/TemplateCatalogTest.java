package io.dunning.channel;

import static io.dunning.channel.Contacts.dupont;
import static io.dunning.channel.Contacts.formalNotice;
import static io.dunning.channel.Contacts.request;
import static io.dunning.channel.Contacts.smith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dunning.channel.ContactRequest.InvoiceFacts;
import io.dunning.channel.ContactRequest.Recipient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateCatalogTest {

	private static final String NNBSP = "\u202f";

	private static final String NBSP = "\u00a0";

	private final TemplateCatalog templates = new TemplateCatalog(new ChannelProperties("Acme SAS", null));

	@Test
	void aFrenchFriendlyReminderSpeaksFrenchAmountsAndDates() {
		RenderedMessage message = templates
			.render(request(1, "Task_SendFriendlyEmail", Channel.EMAIL, "friendly-reminder", dupont(), "F-2026-001"));

		assertThat(message.subject()).isEqualTo("Rappel : facture F-2026-001 arrivée à échéance le 15 novembre 2026");
		assertThat(message.body()).startsWith("Bonjour Boulangerie Dupont,")
			.contains("d'un montant de 1" + NNBSP + "250,00" + NBSP + "€")
			.contains("du 16 octobre 2026")
			.contains("la référence RF18F-2026-001")
			.endsWith("Acme SAS");
	}

	@Test
	void anEnglishFriendlyReminderSpeaksEnglishAmountsAndDates() {
		RenderedMessage message = templates
			.render(request(1, "Task_SendFriendlyEmail", Channel.EMAIL, "friendly-reminder", smith(), "F-2026-002"));

		assertThat(message.subject()).isEqualTo("Reminder: invoice F-2026-002 was due on 15 November 2026");
		assertThat(message.body()).startsWith("Dear Smith Ltd,")
			.contains("for €1,250.00")
			.contains("of 16 October 2026")
			.contains("reference RF18F-2026-002");
	}

	@Test
	void aLanguageWithoutTextsReadsEnglish() {
		Recipient german = new Recipient("Müller GmbH", Locale.GERMAN, "buchhaltung@mueller.example", null);
		RenderedMessage message = templates
			.render(request(1, "Task_SendFriendlyEmail", Channel.EMAIL, "friendly-reminder", german, "F-3"));

		assertThat(message.body()).startsWith("Dear Müller GmbH,").contains("€1,250.00");
	}

	@Test
	void theNoticeFormatsItsExtraDateAndAmountInTheCustomersLocale() {
		RenderedMessage french = templates.render(formalNotice(1, Channel.EMAIL, dupont(), "F-4", List.of()));
		RenderedMessage english = templates.render(formalNotice(1, Channel.EMAIL, smith(), "F-4", List.of()));

		assertThat(french.subject()).isEqualTo("Mise en demeure de payer : facture F-4");
		assertThat(french.body()).contains("Nous vous mettons en demeure de nous régler la somme de 1" + NNBSP
				+ "290,55" + NBSP + "€, intérêts de retard compris, au plus tard le 10 décembre 2026");
		assertThat(english.body()).contains("payment of €1,290.55, including late-payment interest, by 10 December 2026");
	}

	@ParameterizedTest
	@CsvSource({ "friendly-reminder, EMAIL", "formal-reminder, EMAIL", "formal-reminder, SMS",
			"formal-notice, EMAIL", "formal-notice, LETTER" })
	void everyTemplateExistsInFrenchAndEnglishAndFillsEveryPlaceholder(String template, Channel channel) {
		for (Recipient recipient : List.of(dupont(), smith())) {
			ContactRequest request = new ContactRequest(1, "Task_X", channel, template, recipient,
					Contacts.invoice("F-5"), Map.of("total", "1290.55", "deadline", "2026-12-10"), List.of());

			RenderedMessage message = templates.render(request);

			assertThat(message.body()).contains("F-5").doesNotContain("{{").doesNotContain("}}");
			assertThat(message.subject()).satisfiesAnyOf(
					subject -> assertThat(channel).isEqualTo(Channel.SMS),
					subject -> assertThat(subject).contains("F-5"));
		}
	}

	@Test
	void theFormalSmsStaysWithinTwoMessagesEvenForALongNameAndAmount() {
		TemplateCatalog longName = new TemplateCatalog(new ChannelProperties("Établissements Durand-Lefèvre et Fils", null));
		for (Recipient recipient : List.of(dupont(), smith())) {
			ContactRequest request = new ContactRequest(1, "Task_SendFormalSms", Channel.SMS, "formal-reminder",
					recipient, new InvoiceFacts("FAC-2026-0001234567", new BigDecimal(
							"1234567.89"), new BigDecimal("1234567.89"), Contacts.EUR,
							LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 30),
							"RF18FAC20260001234567"),
					Map.of(), List.of());

			RenderedMessage sms = templates.render(request);
			RenderedMessage longSms = longName.render(request);

			assertThat(sms.subject()).isNull();
			assertThat(longSms.body()).hasSizeLessThan(320);
		}
	}

	@Test
	void aMissingValueFailsLoudlyNamingThePlaceholder() {
		ContactRequest noExtras = new ContactRequest(1, "Task_SendFormalNotice", Channel.EMAIL, "formal-notice",
				dupont(), Contacts.invoice("F-6"), Map.of(), List.of());

		assertThatIllegalArgumentException().isThrownBy(() -> templates.render(noExtras))
			.withMessageContaining("formal-notice.fr.email.txt")
			.withMessageContaining("{{total}}");
	}

	@Test
	void aMissingInvoiceFactFailsLoudlyToo() {
		InvoiceFacts noReference = new InvoiceFacts("F-7",
				new BigDecimal("10"), new BigDecimal("10"), Contacts.EUR,
				LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), null);
		ContactRequest request = new ContactRequest(1, "Task_SendFriendlyEmail", Channel.EMAIL, "friendly-reminder",
				smith(), noReference, Map.of(), List.of());

		assertThatIllegalArgumentException().isThrownBy(() -> templates.render(request))
			.withMessageContaining("{{paymentReference}}");
	}

	@Test
	void anUnknownTemplateIsAnError() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> templates.render(request(1, "Task_X", Channel.SMS, "friendly-reminder", dupont(), "F-8")))
			.withMessageContaining("friendly-reminder.fr.sms.txt");
	}

}
