package io.dunning.channel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dunning.channel.ContactRequest.InvoiceFacts;
import io.dunning.channel.ContactRequest.Recipient;

/** Contact requests as the dunning module makes them. */
final class Contacts {

	static final Currency EUR = Currency.getInstance("EUR");

	private Contacts() {
	}

	static Recipient dupont() {
		return new Recipient("Boulangerie Dupont", Locale.FRENCH, "compta@dupont.example", "+33612345678", true);
	}

	static Recipient smith() {
		return new Recipient("Smith Ltd", Locale.ENGLISH, "accounts@smith.example", "+447700900123", true);
	}

	static Recipient durand() {
		return new Recipient("Marie Durand", Locale.FRENCH, "marie.durand@example.fr", "+33698765432", false);
	}

	static Recipient mairie() {
		return new Recipient("Mairie de Villeurbanne", Locale.FRENCH, "mandatement@mairie.example", null, true, true);
	}

	static Recipient council() {
		return new Recipient("Lyon City Council", Locale.ENGLISH, "payables@council.example", null, true, true);
	}

	static Recipient jones() {
		return new Recipient("Alice Jones", Locale.ENGLISH, "alice.jones@example.co.uk", "+447700900456", false);
	}

	/** The channel's settings as application.yml gives them, for a creditor named {@code companyName}. */
	static ChannelProperties properties(String companyName) {
		return new ChannelProperties(companyName, null, null,
				new ChannelProperties.Creditor("552 100 554", "RCS Paris 552 100 554",
						List.of("12 rue des Lilas", "75011 Paris"), "01 84 80 12 34", "recouvrement@acme.example"));
	}

	static InvoiceFacts invoice(String number) {
		return new InvoiceFacts(number, new BigDecimal("1250.00"), new BigDecimal("1250.00"), EUR,
				LocalDate.of(2026, 10, 16), LocalDate.of(2026, 11, 15), "RF18" + number);
	}

	static ContactRequest request(long caseId, String step, Channel channel, String template, Recipient recipient,
			String invoiceNumber) {
		return new ContactRequest(caseId, step, channel, template, recipient, invoice(invoiceNumber), Map.of(),
				List.of());
	}

	static ContactRequest formalNotice(long caseId, Channel channel, Recipient recipient, String invoiceNumber,
			List<Attachment> attachments) {
		return new ContactRequest(caseId, "Task_SendFormalNotice", channel, "formal-notice", recipient,
				invoice(invoiceNumber), noticeExtras(), attachments);
	}

	/** What the notice adds to the invoice's facts, for a business in euros: a total with the flat indemnity. */
	static Map<String, String> noticeExtras() {
		return Map.of("total", "1290.55", "deadline", "2026-12-10", "indemnity", "40.00", "postalAddress",
				"3 place du Marché, 69002 Lyon");
	}

}
