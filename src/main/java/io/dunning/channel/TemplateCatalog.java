package io.dunning.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.dunning.channel.ContactRequest.InvoiceFacts;
import io.dunning.channel.ContactRequest.Recipient;
import org.springframework.stereotype.Component;

/**
 * The message texts, one file per template, language and channel:
 * {@code templates/messages/friendly-reminder.fr.email.txt}. An email or letter text starts with a
 * {@code Subject:} line and a blank line. Every template can use the invoice's facts, formatted for the customer;
 * a request's extra values are placeholders too, and {@code {{x|date}}}, {@code {{x|money}}} format an ISO date or a
 * plain decimal extra in the customer's locale.
 */
@Component
class TemplateCatalog {

	private static final String SUBJECT = "Subject:";

	private final ChannelProperties properties;

	private final Map<String, String> sources = new ConcurrentHashMap<>();

	TemplateCatalog(ChannelProperties properties) {
		this.properties = properties;
	}

	RenderedMessage render(ContactRequest request) {
		LocalFormats formats = LocalFormats.of(request.recipient().locale(), request.invoice().currency());
		String path = "templates/messages/%s.%s.%s.txt".formatted(request.template(), formats.language(),
				request.channel().name().toLowerCase(Locale.ROOT));
		Map<String, String> values = values(request, formats);
		String text = Placeholders.fill(path, source(path), values::get, (format, raw) -> format(formats, format, raw));
		if (request.channel() == Channel.SMS) {
			return sms(path, text);
		}
		if (!text.startsWith(SUBJECT)) {
			return new RenderedMessage(null, text.strip());
		}
		int end = text.indexOf('\n');
		if (end < 0) {
			throw new IllegalStateException(path + " has a subject and no body");
		}
		return new RenderedMessage(text.substring(SUBJECT.length(), end).strip(), text.substring(end + 1).strip());
	}

	/**
	 * French amounts and dates hold characters that alone would turn the whole SMS into UCS-2 and halve what each SMS
	 * carries: the text goes in GSM-7 where a near character reads the same on a phone.
	 *
	 * @throws IllegalArgumentException when the text takes more than {@link SmsSegments#MAX} SMS
	 */
	private static RenderedMessage sms(String path, String text) {
		String body = SmsSegments.toGsm(text.strip());
		SmsSegments segments = SmsSegments.of(body);
		if (segments.segments() > SmsSegments.MAX) {
			throw new IllegalArgumentException(path + " renders to " + segments.segments() + " SMS ("
					+ segments.units() + (segments.gsm7() ? " GSM-7 septets" : " UCS-2 characters") + "), more than "
					+ SmsSegments.MAX + ": " + body);
		}
		return new RenderedMessage(null, body);
	}

	private Map<String, String> values(ContactRequest request, LocalFormats formats) {
		InvoiceFacts invoice = request.invoice();
		Map<String, String> values = new HashMap<>();
		values.put("companyName", properties.companyName());
		values.put("collectionPhone", properties.creditor().collectionPhone());
		values.put("collectionEmail", properties.creditor().collectionEmail());
		values.put("customerName", request.recipient().name());
		// Sections of the texts: a business is greeted "Madame, Monsieur,", a consumer by name; the penalties a
		// business owes are those of the Code de commerce, a public buyer's those of public procurement.
		Recipient recipient = request.recipient();
		values.put("business", recipient.business() ? "yes" : null);
		values.put("consumer", recipient.business() ? null : "yes");
		values.put("commercial", recipient.business() && !recipient.publicBuyer() ? "yes" : null);
		values.put("publicBuyer", recipient.business() && recipient.publicBuyer() ? "yes" : null);
		values.put("invoiceNumber", invoice.invoiceNumber());
		values.put("paymentReference", invoice.paymentReference());
		values.put("amount", invoice.amount() == null ? null : formats.money(invoice.amount()));
		values.put("balance", invoice.balance() == null ? null : formats.money(invoice.balance()));
		values.put("issueDate", invoice.issueDate() == null ? null : formats.date(invoice.issueDate()));
		values.put("dueDate", invoice.dueDate() == null ? null : formats.date(invoice.dueDate()));
		if (request.extra() != null) {
			request.extra().forEach((name, value) -> {
				if (values.containsKey(name)) {
					throw new IllegalArgumentException("extra value " + name + " would hide the invoice's own " + name);
				}
				values.put(name, value);
			});
		}
		return values;
	}

	private static String format(LocalFormats formats, String format, String raw) {
		return switch (format) {
			case "date" -> formats.date(LocalDate.parse(raw));
			case "money" -> formats.money(new BigDecimal(raw));
			case "percent" -> formats.percent(new BigDecimal(raw));
			default -> throw new IllegalArgumentException("unknown format |" + format);
		};
	}

	private String source(String path) {
		return sources.computeIfAbsent(path, TemplateCatalog::load);
	}

	private static String load(String path) {
		try (InputStream in = TemplateCatalog.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("no message template " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
