package io.dunning.channel;

import static io.dunning.channel.Contacts.dupont;
import static io.dunning.channel.Contacts.durand;
import static io.dunning.channel.Contacts.jones;
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

	private final TemplateCatalog templates = new TemplateCatalog(Contacts.properties("Acme SAS"));

	@Test
	void aFrenchFriendlyReminderSpeaksFrenchAmountsAndDates() {
		RenderedMessage message = templates
			.render(request(1, "Task_SendFriendlyEmail", Channel.EMAIL, "friendly-reminder", dupont(), "F-2026-001"));

		assertThat(message.subject()).isEqualTo("Rappel : facture F-2026-001 arrivée à échéance le 15 novembre 2026");
		assertThat(message.body()).startsWith("Madame, Monsieur,")
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
		assertThat(message.body()).contains("for €1,250.00")
			.contains("of 16 October 2026")
			.contains("reference RF18F-2026-002");
	}

	@Test
	void aCompanyIsGreetedMadameMonsieurAndAPersonByName() {
		assertThat(body("friendly-reminder", dupont())).startsWith("Madame, Monsieur,").doesNotContain("Bonjour");
		assertThat(body("friendly-reminder", durand())).startsWith("Bonjour Marie Durand,");
		assertThat(body("friendly-reminder", smith())).startsWith("Dear Sir or Madam,").contains("Yours faithfully,")
			.doesNotContain("Yours sincerely");
		assertThat(body("friendly-reminder", jones())).startsWith("Dear Alice Jones,").contains("Yours sincerely,")
			.doesNotContain("Yours faithfully");
	}

	@Test
	void theFormalReminderOpensAndClosesInTheSameFormalRegister() {
		for (Recipient recipient : List.of(dupont(), durand())) {
			assertThat(body("formal-reminder", recipient)).startsWith("Madame, Monsieur,")
				.contains("Veuillez agréer, Madame, Monsieur, nos salutations distinguées.")
				.doesNotContain("Bonjour");
		}
		assertThat(body("formal-reminder", jones())).startsWith("Dear Alice Jones,").contains("Yours sincerely,");
		assertThat(body("formal-reminder", smith())).startsWith("Dear Sir or Madam,").contains("Yours faithfully,");
	}

	@ParameterizedTest
	@CsvSource({ "friendly-reminder, EMAIL", "formal-reminder, EMAIL", "formal-reminder, SMS", "formal-notice, EMAIL" })
	void everyReminderGivesTheCollectionTeamsPhoneAndEmail(String template, Channel channel) {
		for (Recipient recipient : List.of(dupont(), smith(), durand(), jones())) {
			RenderedMessage message = templates.render(new ContactRequest(1, "Task_X", channel, template, recipient,
					Contacts.invoice("F-9"), template.equals("formal-notice") ? Contacts.noticeExtras() : Map.of(),
					List.of()));

			assertThat(message.body()).contains("01 84 80 12 34", "recouvrement@acme.example");
		}
	}

	@Test
	void theNoticeEmailStatesTheTotalWithWhatItIncludes() {
		RenderedMessage french = templates.render(formalNotice(1, Channel.EMAIL, dupont(), "F-4", List.of()));
		RenderedMessage english = templates.render(formalNotice(1, Channel.EMAIL, smith(), "F-4", List.of()));
		RenderedMessage consumer = templates.render(formalNotice(1, Channel.EMAIL, durand(), "F-4", List.of()));

		assertThat(french.subject()).isEqualTo("Mise en demeure de payer : facture F-4");
		assertThat(french.body()).contains("Nous vous mettons en demeure de nous régler la somme de 1" + NNBSP
				+ "290,55" + NBSP + "€, intérêts de retard et indemnité forfaitaire pour frais de recouvrement compris, "
				+ "au plus tard le 10 décembre 2026");
		assertThat(english.body()).contains("payment of €1,290.55, including late-payment interest and the flat-rate "
				+ "indemnity for recovery costs, by 10 December 2026");
		assertThat(consumer.body()).contains("la somme de 1" + NNBSP + "290,55" + NBSP + "€, au plus tard le")
			.contains("porte intérêts au taux légal à compter de la date de la mise en demeure")
			.doesNotContain("indemnité", "intérêts de retard");
	}

	@Test
	void theNoticeEmailSaysTheRegisteredLetterIsOnItsWayNotThatItWasSent() {
		String french = templates.render(formalNotice(1, Channel.EMAIL, dupont(), "F-4", List.of())).body();
		String english = templates.render(formalNotice(1, Channel.EMAIL, smith(), "F-4", List.of())).body();

		assertThat(french).contains("notre mise en demeure, qui vous est également adressée par lettre recommandée")
			.doesNotContain("Boulangerie Dupont");
		assertThat(english).contains("which is also being sent to you by registered letter")
			.doesNotContainIgnoringCase("has been sent").doesNotContain("also sent to");
	}

	@Test
	void aLanguageWithoutTextsReadsEnglish() {
		Recipient german = new Recipient("Müller GmbH", Locale.GERMAN, "buchhaltung@mueller.example", null, true);
		RenderedMessage message = templates
			.render(request(1, "Task_SendFriendlyEmail", Channel.EMAIL, "friendly-reminder", german, "F-3"));

		assertThat(message.body()).startsWith("Dear Sir or Madam,").contains("€1,250.00");
	}

	@ParameterizedTest
	@CsvSource({ "friendly-reminder, EMAIL", "formal-reminder, EMAIL", "formal-reminder, SMS",
			"formal-notice, EMAIL", "formal-notice, LETTER" })
	void everyTemplateExistsInFrenchAndEnglishAndFillsEveryPlaceholder(String template, Channel channel) {
		for (Recipient recipient : List.of(dupont(), smith(), durand(), jones())) {
			ContactRequest request = new ContactRequest(1, "Task_X", channel, template, recipient,
					Contacts.invoice("F-5"), Contacts.noticeExtras(), List.of());

			RenderedMessage message = templates.render(request);

			assertThat(message.body()).contains("F-5").doesNotContain("{{").doesNotContain("}}");
			assertThat(message.subject()).satisfiesAnyOf(
					subject -> assertThat(channel).isEqualTo(Channel.SMS),
					subject -> assertThat(subject).contains("F-5"));
		}
	}

	@Test
	void theFormalSmsStaysWithinTwoMessagesEvenForALongNameAndAmount() {
		TemplateCatalog longName = new TemplateCatalog(Contacts.properties("Établissements Durand-Lefèvre et Fils"));
		for (Recipient recipient : List.of(dupont(), smith())) {
			ContactRequest request = new ContactRequest(1, "Task_SendFormalSms", Channel.SMS, "formal-reminder",
					recipient, new InvoiceFacts("FAC-2026-0001234567", new BigDecimal(
							"1234567.89"), new BigDecimal("1234567.89"), Contacts.EUR,
							LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 30),
							"RF18FAC20260001234567"),
					Map.of(), List.of());

			RenderedMessage sms = longName.render(request);

			SmsSegments segments = SmsSegments.of(sms.body());
			assertThat(sms.subject()).isNull();
			assertThat(segments.gsm7()).as("GSM-7: " + sms.body()).isTrue();
			assertThat(segments.segments()).as(sms.body()).isLessThanOrEqualTo(2);
		}
	}

	@Test
	void aFrenchSmsDueInAugustStillTravelsInGsm7WithinTwoMessages() {
		ContactRequest request = new ContactRequest(1, "Task_SendFormalSms", Channel.SMS, "formal-reminder", dupont(),
				new InvoiceFacts("FAC-2026-0001234567", new BigDecimal("1234567.89"), new BigDecimal("1234567.89"),
						Contacts.EUR, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 1), "RF18FAC20260001234567"),
				Map.of(), List.of());

		String sms = templates.render(request).body();

		assertThat(sms).contains("échue le 1er aout 2026", "(1 234 567,89 €)");
		assertThat(SmsSegments.of(sms).gsm7()).isTrue();
		assertThat(SmsSegments.of(sms).segments()).isLessThanOrEqualTo(2);
	}

	@Test
	void onlyCharactersWithoutAGsmNeighbourStayUcs2() {
		assertThat(SmsSegments.toGsm("août\u202f1\u00a0250,00\u00a0€ l’été – «\u00a0ok\u00a0» ça"))
			.isEqualTo("aout 1 250,00 € l'été - \" ok \" ca");
		assertThat(SmsSegments.toGsm("cœur")).isEqualTo("cœur");
		assertThat(SmsSegments.of(SmsSegments.toGsm("cœur")).gsm7()).isFalse();
	}

	@Test
	void smsAreCountedInTheEncodingTheirCharactersForce() {
		String amount = "1" + NNBSP + "250,00" + NBSP + "€";

		assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments(true, 160, 1));
		assertThat(SmsSegments.of("a".repeat(161))).isEqualTo(new SmsSegments(true, 161, 2));
		assertThat(SmsSegments.of("€".repeat(80))).isEqualTo(new SmsSegments(true, 160, 1));
		assertThat(SmsSegments.of("a".repeat(60) + amount)).isEqualTo(new SmsSegments(false, 70, 1));
		assertThat(SmsSegments.of("a".repeat(124) + amount)).isEqualTo(new SmsSegments(false, 134, 2));
		assertThat(SmsSegments.of("a".repeat(125) + amount)).isEqualTo(new SmsSegments(false, 135, 3));
	}

	@Test
	void anSmsThatWouldTakeMoreThanTwoMessagesIsRefusedBeforeAnythingIsSent() {
		TemplateCatalog verbose = new TemplateCatalog(Contacts.properties("x".repeat(250)));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> verbose.render(request(1, "Task_SendFormalSms", Channel.SMS, "formal-reminder", dupont(), "F-1")))
			.withMessageContaining("formal-reminder.fr.sms.txt renders to 4 SMS (476 GSM-7 septets)");
	}

	private String body(String template, Recipient recipient) {
		return templates.render(request(1, "Task_X", Channel.EMAIL, template, recipient, "F-1")).body();
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
