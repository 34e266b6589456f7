package io.dunning.escalation.notice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import io.dunning.channel.NoticeLetter;
import io.dunning.invoice.CustomerType;
import io.dunning.invoice.Invoice;
import io.dunning.escalation.DunningProperties;

/** Computes what a mise en demeure claims on a given day: balance, interest, and the B2B flat indemnity. */
public final class NoticeTerms {

	private static final Currency EUR = Currency.getInstance("EUR");

	private NoticeTerms() {
	}

	static NoticeLetter of(Invoice invoice, LocalDate issuedOn, DunningProperties.Notice settings) {
		Currency currency = invoice.balance().currency();
		int scale = currency.getDefaultFractionDigits();
		BigDecimal principal = invoice.balance().amount();
		BigDecimal rate = LateInterest.annualRate(settings.ecbRate());
		long daysLate = LateInterest.daysLate(invoice.dueDate(), issuedOn);
		BigDecimal interest = LateInterest.on(principal, rate, daysLate, scale);
		// The flat indemnity is a fixed sum in euros, owed by business customers only.
		BigDecimal indemnity = invoice.customer().type() == CustomerType.B2B && currency.equals(EUR)
				? settings.indemnityB2b().setScale(scale) : null;
		BigDecimal total = principal.add(interest).add(indemnity == null ? BigDecimal.ZERO : indemnity);
		return new NoticeLetter(invoice.customer().name(), invoice.customer().locale(), issuedOn,
				issuedOn.plusDays(settings.paymentDeadlineDays()),
				List.of(new NoticeLetter.Line(invoice.number(), invoice.issueDate(), invoice.dueDate(), principal)),
				principal, rate, daysLate, interest, indemnity, total, currency, PaymentReference.of(invoice.number()));
	}

}
