package io.dunning.channel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The facts a formal notice (mise en demeure) states. Amounts are already computed by the caller; the letter only
 * presents them.
 *
 * @param paymentDays the days given to pay, counted from the day the letter is deemed received
 * @param deadline the last day to pay: the day the letter is deemed received plus {@code paymentDays}
 * @param indemnity the flat recovery indemnity (40 EUR, B2B only); null otherwise, and the letter then omits it
 */
public record NoticeLetter(Addressee addressee, Locale locale, LocalDate issuedOn, int paymentDays,
		LocalDate deadline, List<Line> invoices, BigDecimal principal, Interest interest, BigDecimal indemnity,
		BigDecimal total, Currency currency, String paymentReference) {

	public NoticeLetter {
		Objects.requireNonNull(addressee, "addressee");
		Objects.requireNonNull(locale, "locale");
		Objects.requireNonNull(issuedOn, "issuedOn");
		Objects.requireNonNull(deadline, "deadline");
		Objects.requireNonNull(principal, "principal");
		Objects.requireNonNull(interest, "interest");
		Objects.requireNonNull(total, "total");
		Objects.requireNonNull(currency, "currency");
		Objects.requireNonNull(paymentReference, "paymentReference");
		invoices = List.copyOf(invoices);
		if (invoices.isEmpty()) {
			throw new IllegalArgumentException("a notice names at least one invoice");
		}
	}

	/** True for a business customer or a public buyer, who owe interest since the due date. */
	public boolean business() {
		return interest.basis() != InterestBasis.LEGAL;
	}

	/** Who the letter is addressed to, as its address block prints it. */
	public record Addressee(String name, String contactPerson, String companyId, List<String> postalAddress) {

		public Addressee {
			Objects.requireNonNull(name, "name");
			postalAddress = postalAddress == null ? List.of() : List.copyOf(postalAddress);
		}

	}

	/** One unpaid invoice the notice names. */
	public record Line(String number, LocalDate issueDate, LocalDate dueDate, BigDecimal balance) {
	}

	/**
	 * The interest the notice speaks of.
	 *
	 * @param annualRatePercent the rate per year in force on the notice's date, such as 12.15 for an ECB rate of 2.15
	 * plus 10 points (for a public buyer, the one rate of the whole time)
	 * @param accrued the periods the claimed amount was computed on, one per rate; empty when interest runs from the
	 * notice only
	 * @param amount the interest claimed now
	 */
	public record Interest(InterestBasis basis, BigDecimal annualRatePercent, List<RatePeriod> accrued,
			BigDecimal amount) {

		public Interest {
			Objects.requireNonNull(basis, "basis");
			Objects.requireNonNull(annualRatePercent, "annualRatePercent");
			Objects.requireNonNull(amount, "amount");
			accrued = List.copyOf(accrued);
		}

		/** The days the claimed interest ran. */
		public long days() {
			return accrued.stream().mapToLong(RatePeriod::days).sum();
		}

	}

	/** Days, both ends included, that bore interest at one rate. */
	public record RatePeriod(LocalDate from, LocalDate to, BigDecimal annualRatePercent, long days) {
	}

	public enum InterestBasis {

		/** Between businesses: ECB rate plus 10 points from the day after the due date (art. L441-10 C. com.). */
		COMMERCIAL,

		/**
		 * A public buyer: the ECB rate of the half-year in which interest began to run plus 8 points, fixed for the whole
		 * time (art. L2192-13 and R2192-31 Code de la commande publique).
		 */
		PUBLIC_PROCUREMENT,

		/** A consumer: the legal rate, from the notice on (art. 1231-6 and 1344-1 C. civ.); nothing before it. */
		LEGAL

	}

}
