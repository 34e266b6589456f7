package io.dunning.channel;

import static io.dunning.channel.Contacts.council;
import static io.dunning.channel.Contacts.dupont;
import static io.dunning.channel.Contacts.durand;
import static io.dunning.channel.Contacts.formalNotice;
import static io.dunning.channel.Contacts.jones;
import static io.dunning.channel.Contacts.mairie;
import static io.dunning.channel.Contacts.request;
import static io.dunning.channel.Contacts.smith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.dunning.channel.ContactRequest.InvoiceFacts;
import io.dunning.channel.ContactRequest.Recipient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

	@ParameterizedTest
	@ValueSource(strings = { "friendly-reminder", "formal-reminder", "formal-notice" })
	void everyEmailGreetsABusinessAsSuchAndAConsumerByNameAndClosesToMatchInBothLanguages(String template) {
		for (Recipient business : List.of(dupont(), mairie())) {
			assertThat(email(template, business)).startsWith("Madame, Monsieur,")
				.endsWith("Veuillez agréer, Madame, Monsieur, nos salutations distinguées.\n\nLe service recouvrement\nAcme SAS")
				.doesNotContain("Bonjour", "cordialement");
		}
		assertThat(email(template, durand())).startsWith("Bonjour Marie Durand,")
			.endsWith("Bien cordialement,\n\nLe service recouvrement\nAcme SAS")
			.doesNotContain("Madame, Monsieur", "Veuillez agréer");
		for (Recipient business : List.of(smith(), council())) {
			assertThat(email(template, business)).startsWith("Dear Sir or Madam,")
				.endsWith("Yours faithfully,\n\nCredit control\nAcme SAS")
				.doesNotContain("Yours sincerely");
		}
		assertThat(email(template, jones())).startsWith("Dear Alice Jones,")
			.endsWith("Yours sincerely,\n\nCredit control\nAcme SAS")
			.doesNotContain("Dear Sir or Madam", "Yours faithfully");
	}

	@Test
	void theFormalReminderNamesTheLatePaymentInterestAndTheIndemnityToABusinessOnly() {
		assertThat(email("formal-reminder", dupont())).contains("tout retard de paiement fait courir de plein droit des "
				+ "intérêts de retard et une indemnité forfaitaire pour frais de recouvrement de 40 € (articles L441-10 "
				+ "et D441-5 du Code de commerce)");
		assertThat(email("formal-reminder", smith())).contains("under articles L441-10 and D441-5 of the French "
				+ "Commercial Code, any late payment automatically incurs late-payment interest and a flat-rate indemnity "
				+ "of €40 for recovery costs");
		// L441-10 penalties never apply to consumers: no interest, no indemnity, no terms of sale.
		for (Recipient consumer : List.of(durand(), jones())) {
			assertThat(email("formal-reminder", consumer)).doesNotContain("L441", "D441", "40 €", "€40", "pénalité", "intérêts",
					"indemnité", "conditions générales", "penalt", "interest", "indemnity", "terms and conditions");
		}
	}

	@Test
	void aPublicBuyersFormalReminderCitesPublicProcurementNotTheCommercialCode() {
		assertThat(email("formal-reminder", mairie())).contains("intérêts moratoires et une indemnité forfaitaire pour "
				+ "frais de recouvrement de 40 € (articles L2192-13, R2192-31 et D2192-35 du Code de la commande publique)")
			.doesNotContain("L441-10", "Code de commerce");
		assertThat(email("formal-reminder", council())).contains("articles L2192-13, R2192-31 and D2192-35 of the "
				+ "French Public Procurement Code", "late-payment interest (intérêts moratoires)", "€40")
			.doesNotContain("L441-10", "Commercial Code");
	}

	@Test
	void noFrenchTextSaysTransmissionContentieuse() throws IOException {
		List<Path> texts;
		try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/resources")), Files.walk(Path.of("forms")))) {
			texts = files.filter(Files::isRegularFile)
				.filter(file -> file.toString().matches(".*\\.(txt|html|properties|form)$"))
				.toList();
		}
		assertThat(texts).isNotEmpty();
		for (Path text : texts) {
			assertThat(Files.readString(text)).as(text.toString()).doesNotContainIgnoringCase("contentieuse");
		}
		assertThat(Files.readString(Path.of("forms/legal-handoff-approval.form"))).contains("Transmission au contentieux");
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
		for (Recipient recipient : List.of(dupont(), smith(), durand(), jones(), mairie(), council())) {
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

	/** The email's body, with the notice's values for a formal notice. */
	private String email(String template, Recipient recipient) {
		return templates.render(new ContactRequest(1, "Task_X", Channel.EMAIL, template, recipient,
				Contacts.invoice("F-1"), template.equals("formal-notice") ? Contacts.noticeExtras() : Map.of(),
				List.of())).body();
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
