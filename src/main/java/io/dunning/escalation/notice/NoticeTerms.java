package io.dunning.escalation.notice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import io.dunning.channel.NoticeLetter.Interest;
import io.dunning.channel.NoticeLetter.InterestBasis;
import io.dunning.channel.NoticeLetter;
import io.dunning.escalation.DunningProperties;
import io.dunning.escalation.rates.HalfYear;
import io.dunning.escalation.rates.RateKind;
import io.dunning.escalation.rates.Rates;
import io.dunning.invoice.Customer;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.PostalAddress;

/**
 * Computes what a mise en demeure claims on a given day. A business owes commercial interest since the due date and
 * the flat indemnity, a public buyer moratorium interest and the same indemnity; a consumer owes the principal, which
 * bears interest at the legal rate from the notice on. Every rate comes from the rate tables: a half-year without its
 * rate stops the computation ({@link io.dunning.escalation.rates.MissingRateException}).
 */
public final class NoticeTerms {

	private static final Currency EUR = Currency.getInstance("EUR");

	private NoticeTerms() {
	}

	static NoticeLetter of(Invoice invoice, LocalDate issuedOn, DunningProperties.Notice settings, Rates rates) {
		Currency currency = invoice.balance().currency();
		int scale = currency.getDefaultFractionDigits();
		BigDecimal principal = invoice.balance().amount();
		Debtor debtor = Debtor.of(invoice.customer());
		Interest interest = switch (debtor) {
			case BUSINESS -> commercial(invoice, issuedOn, rates, scale);
			case PUBLIC_BUYER -> publicProcurement(invoice, issuedOn, rates, scale);
			case CONSUMER -> legal(issuedOn, rates, scale);
		};
		// The flat indemnity is a fixed sum in euros, owed by business customers and public buyers only.
		BigDecimal indemnity = debtor != Debtor.CONSUMER && currency.equals(EUR)
				? settings.indemnityB2b().setScale(scale) : null;
		BigDecimal total = principal.add(interest.amount()).add(indemnity == null ? BigDecimal.ZERO : indemnity);
		LocalDate deadline = issuedOn.plusDays(settings.deemedReceivedAfterDays()).plusDays(settings.paymentDeadlineDays());
		return new NoticeLetter(addressee(invoice.customer()), invoice.customer().locale(), issuedOn,
				settings.paymentDeadlineDays(), deadline,
				List.of(new NoticeLetter.Line(invoice.number(), invoice.issueDate(), invoice.dueDate(), principal)),
				principal, interest, indemnity, total, currency, PaymentReference.of(invoice.number()));
	}

	/** The ECB rate of each half-year plus 10 points, from the day after the due date to the notice's date. */
	private static Interest commercial(Invoice invoice, LocalDate issuedOn, Rates rates, int scale) {
		List<NoticeLetter.RatePeriod> periods = LateInterest.commercial(rates, invoice.dueDate(), issuedOn);
		BigDecimal rate = periods.isEmpty() ? LateInterest.commercialRate(rates, HalfYear.of(issuedOn))
				: periods.getLast().annualRatePercent();
		return new Interest(InterestBasis.COMMERCIAL, rate, periods,
				LateInterest.on(invoice.balance().amount(), periods, scale));
	}

	/** The ECB rate of the half-year in which interest began to run plus 8 points, for every day since. */
	private static Interest publicProcurement(Invoice invoice, LocalDate issuedOn, Rates rates, int scale) {
		List<NoticeLetter.RatePeriod> periods = LateInterest.publicProcurement(rates, invoice.dueDate(), issuedOn);
		return new Interest(InterestBasis.PUBLIC_PROCUREMENT,
				LateInterest.publicProcurementRate(rates, invoice.dueDate()), periods,
				LateInterest.on(invoice.balance().amount(), periods, scale));
	}

	/** Nothing accrued before the notice: the letter states the rate that runs from its date. */
	private static Interest legal(LocalDate issuedOn, Rates rates, int scale) {
		return new Interest(InterestBasis.LEGAL, rates.of(RateKind.LEGAL, HalfYear.of(issuedOn)), List.of(),
				BigDecimal.ZERO.setScale(scale));
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
