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
		return new Recipient("Boulangerie Dupont", Locale.FRENCH, "compta@dupont.example", "+33612345678");
	}

	static Recipient smith() {
		return new Recipient("Smith Ltd", Locale.ENGLISH, "accounts@smith.example", "+447700900123");
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
				invoice(invoiceNumber), Map.of("total", "1290.55", "deadline", "2026-12-10"), attachments);
	}

}
