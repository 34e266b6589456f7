package io.dunning.worklist;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dunning.invoice.Invoice;
import io.dunning.invoice.InvoiceCatalog;
import io.dunning.web.Amounts;
import io.dunning.web.BadInputException;
import io.dunning.web.InputError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Sanity bounds a form cannot express, checked after the form's own rules: a date a collector records (a promised
 * payment, a first instalment) lies between today and {@code dunning.worklist.max-date-ahead} (one year) from now,
 * so no case is parked for ever; a plan never splits the balance into instalments that round to nothing; and a
 * dispute's credit note or correction leaves the balance at or above zero.
 */
@Component
class AnswerBounds {

	static final String INSTALMENT_COUNT = "instalmentCount";

	static final String CREDIT_AMOUNT = "creditAmount";

	static final String NEW_AMOUNT = "newAmount";

	private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final InvoiceCatalog invoices;
	private final Clock clock;
	private final ZoneId zone;
	private final Period maxAhead;
	private final MessageSource messages;
	private final Amounts amounts;

	AnswerBounds(InvoiceCatalog invoices, Clock clock, @Value("${dunning.zone}") ZoneId zone,
			@Value("${dunning.worklist.max-date-ahead:P1Y}") Period maxAhead, MessageSource messages, Amounts amounts) {
		this.amounts = amounts;
		this.invoices = invoices;
		this.clock = clock;
		this.zone = zone;
		this.maxAhead = maxAhead;
		this.messages = messages;
	}

	/** In the page's language (the API's callers get English with ISO dates), so a collector reads it as typed. */
	private String dateWindow(LocalDate from, LocalDate to) {
		Locale locale = LocaleContextHolder.getLocale();
		boolean french = Locale.FRENCH.getLanguage().equals(locale.getLanguage());
		return french ? text("answer.date-window", FRENCH_DATE.format(from), FRENCH_DATE.format(to))
				: text("answer.date-window", from.toString(), to.toString());
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	private String money(BigDecimal amount, Currency currency) {
		return amounts.format(amount, currency.getCurrencyCode());
	}

	void check(FormSchema form, String invoiceNumber, Map<String, Object> answer) {
		List<InputError> errors = new ArrayList<>();
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		LocalDate latest = today.plus(maxAhead);
		for (FormField field : form.fields()) {
			if (field.type() == FormField.Type.DATE && answer.get(field.key()) instanceof String text) {
				LocalDate date = LocalDate.parse(text);
				if (date.isBefore(today) || date.isAfter(latest)) {
					errors.add(InputError.field(field.key(), dateWindow(today, latest)));
				}
			}
		}
		if (answer.get(INSTALMENT_COUNT) instanceof Number count && count.longValue() > 0) {
			invoices.find(invoiceNumber).map(Invoice::balance).ifPresent(balance -> {
				BigDecimal minimum = BigDecimal.ONE.movePointLeft(balance.currency().getDefaultFractionDigits());
				BigDecimal each = balance.amount().divide(BigDecimal.valueOf(count.longValue()),
						balance.currency().getDefaultFractionDigits(), RoundingMode.DOWN);
				if (each.compareTo(minimum) < 0) {
					long most = balance.amount().divide(minimum, 0, RoundingMode.DOWN).longValue();
					errors.add(InputError.field(INSTALMENT_COUNT, text("answer.instalments-too-small",
							money(each, balance.currency()), money(balance.amount(), balance.currency()), most)));
				}
			});
		}
		// A dispute's credit note lowers the balance, never below zero.
		if (answer.get(CREDIT_AMOUNT) instanceof Number credit) {
			invoices.find(invoiceNumber).map(Invoice::balance)
				.filter(balance -> new BigDecimal(credit.toString()).compareTo(balance.amount()) > 0)
				.ifPresent(balance -> errors.add(InputError.field(CREDIT_AMOUNT, text("answer.credit-above-balance",
						money(balance.amount(), balance.currency())))));
		}
		// A corrected invoice keeps what was paid: its new amount must leave something owed, as the correction itself
		// requires, or the settlement would fail in the engine's worker instead of here, next to the field.
		if (answer.get(NEW_AMOUNT) instanceof Number corrected) {
			invoices.find(invoiceNumber).ifPresent(invoice -> {
				if (new BigDecimal(corrected.toString()).compareTo(invoice.paid().amount()) <= 0) {
					errors.add(InputError.field(NEW_AMOUNT, text("answer.new-amount-not-above-paid",
							money(invoice.paid().amount(), invoice.paid().currency()))));
				}
			});
		}
		if (!errors.isEmpty()) {
			throw new BadInputException(errors);
		}
	}

}
