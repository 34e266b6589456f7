package io.dunning.channel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One contact the dunning path wants made: which case and step, by which channel, with which template, and the
 * facts the template speaks of. The channel module renders, records and sends it.
 *
 * @param caseId the dunning case, part of the delivery ledger key (case, step, channel)
 * @param step the BPMN element that asks for the contact, such as {@code Task_SendFriendlyEmail}
 * @param template a template name such as {@code friendly-reminder}
 * @param extra further template values, already formatted (such as the notice's interest)
 * @param contactTime the case's own time of day for its contacts: one asked for outside the contact hours goes out
 * at it on the next open day (null: when the hours open)
 */
public record ContactRequest(long caseId, String step, Channel channel, String template, Recipient recipient,
		InvoiceFacts invoice, Map<String, String> extra, List<Attachment> attachments, LocalTime contactTime) {

	/** A contact with no time of day of its own. */
	public ContactRequest(long caseId, String step, Channel channel, String template, Recipient recipient,
			InvoiceFacts invoice, Map<String, String> extra, List<Attachment> attachments) {
		this(caseId, step, channel, template, recipient, invoice, extra, attachments, null);
	}

	/**
	 * @param business true for a company or a public body, which a message greets as such rather than by its name
	 * @param publicBuyer true for a public body, whose late payments public procurement law governs
	 */
	public record Recipient(String name, Locale locale, String email, String phone, boolean business,
			boolean publicBuyer) {

		public Recipient(String name, Locale locale, String email, String phone, boolean business) {
			this(name, locale, email, phone, business, false);
		}

	}

	public record InvoiceFacts(String invoiceNumber, BigDecimal amount, BigDecimal balance, Currency currency,
			LocalDate issueDate, LocalDate dueDate, String paymentReference) {
	}

}
