package io.dunning.escalation.notice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import io.dunning.channel.NoticeLetter;
import io.dunning.channel.NoticeLetter.Interest;
import io.dunning.channel.NoticeLetter.InterestBasis;
import io.dunning.invoice.Customer;
import io.dunning.invoice.CustomerType;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.PostalAddress;
import io.dunning.escalation.DunningProperties;

/**
 * Computes what a mise en demeure claims on a given day. A business owes commercial interest since the due date and
 * the flat indemnity; a consumer owes the principal, which bears interest at the legal rate from the notice on.
 */
public final class NoticeTerms {

	private static final Currency EUR = Currency.getInstance("EUR");

	private NoticeTerms() {
	}

	static NoticeLetter of(Invoice invoice, LocalDate issuedOn, DunningProperties.Notice settings) {
		Currency currency = invoice.balance().currency();
		int scale = currency.getDefaultFractionDigits();
		BigDecimal principal = invoice.balance().amount();
		boolean business = invoice.customer().type() == CustomerType.B2B;
		Interest interest = business ? commercial(invoice, issuedOn, settings, scale) : legal(issuedOn, settings, scale);
		// The flat indemnity is a fixed sum in euros, owed by business customers only.
		BigDecimal indemnity = business && currency.equals(EUR) ? settings.indemnityB2b().setScale(scale) : null;
		BigDecimal total = principal.add(interest.amount()).add(indemnity == null ? BigDecimal.ZERO : indemnity);
		LocalDate deadline = issuedOn.plusDays(settings.deemedReceivedAfterDays()).plusDays(settings.paymentDeadlineDays());
		return new NoticeLetter(addressee(invoice.customer()), invoice.customer().locale(), issuedOn,
				settings.paymentDeadlineDays(), deadline,
				List.of(new NoticeLetter.Line(invoice.number(), invoice.issueDate(), invoice.dueDate(), principal)),
				principal, interest, indemnity, total, currency, PaymentReference.of(invoice.number()));
	}

	/** The ECB rate of each half-year plus 10 points, from the day after the due date to the notice's date. */
	private static Interest commercial(Invoice invoice, LocalDate issuedOn, DunningProperties.Notice settings,
			int scale) {
		List<NoticeLetter.RatePeriod> periods = LateInterest.periods(settings.ecbRates(), invoice.dueDate(), issuedOn);
		BigDecimal rate = periods.isEmpty()
				? LateInterest.annualRate(Rates.on(settings.ecbRates(), issuedOn, "ECB refinancing rate"))
				: periods.getLast().annualRatePercent();
		return new Interest(InterestBasis.COMMERCIAL, rate, periods,
				LateInterest.on(invoice.balance().amount(), periods, scale));
	}

	/** Nothing accrued before the notice: the letter states the rate that runs from its date. */
	private static Interest legal(LocalDate issuedOn, DunningProperties.Notice settings, int scale) {
		return new Interest(InterestBasis.LEGAL, Rates.on(settings.legalRates(), issuedOn, "legal interest rate"),
				List.of(), BigDecimal.ZERO.setScale(scale));
	}

	private static NoticeLetter.Addressee addressee(Customer customer) {
		List<String> lines = new ArrayList<>();
		PostalAddress address = customer.address();
		if (address != null) {
			addIfPresent(lines, address.line1());
			addIfPresent(lines, address.line2());
			addIfPresent(lines, join(address.postcode(), address.city()));
			if (address.country() != null && !"FR".equalsIgnoreCase(address.country())) {
				// International mail ends with the country's name, in capitals, in the sender's language.
				lines.add(Locale.of("", address.country()).getDisplayCountry(Locale.FRANCE).toUpperCase(Locale.FRANCE));
			}
		}
		return new NoticeLetter.Addressee(customer.name(), customer.contactPerson(), customer.companyId(), lines);
	}

	private static String join(String postcode, String city) {
		return ((postcode == null ? "" : postcode.strip()) + " " + (city == null ? "" : city.strip())).strip();
	}

	private static void addIfPresent(List<String> lines, String line) {
		if (line != null && !line.isBlank()) {
			lines.add(line.strip());
		}
	}

}
