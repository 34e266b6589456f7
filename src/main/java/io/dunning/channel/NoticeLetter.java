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
 * @param annualRatePercent the late-payment interest rate per year, such as 12.15 for the ECB rate plus 10 points
 * @param daysLate the days the interest was computed on
 * @param indemnity the flat recovery indemnity (40 EUR, B2B only); null for a consumer, and the letter then omits it
 */
public record NoticeLetter(String customerName, Locale locale, LocalDate issuedOn, LocalDate deadline,
		List<Line> invoices, BigDecimal principal, BigDecimal annualRatePercent, long daysLate, BigDecimal interest,
		BigDecimal indemnity, BigDecimal total, Currency currency, String paymentReference) {

	public NoticeLetter {
		Objects.requireNonNull(customerName, "customerName");
		Objects.requireNonNull(locale, "locale");
		Objects.requireNonNull(issuedOn, "issuedOn");
		Objects.requireNonNull(deadline, "deadline");
		Objects.requireNonNull(principal, "principal");
		Objects.requireNonNull(annualRatePercent, "annualRatePercent");
		Objects.requireNonNull(interest, "interest");
		Objects.requireNonNull(total, "total");
		Objects.requireNonNull(currency, "currency");
		Objects.requireNonNull(paymentReference, "paymentReference");
		invoices = List.copyOf(invoices);
		if (invoices.isEmpty()) {
			throw new IllegalArgumentException("a notice names at least one invoice");
		}
	}

	/** True for a business customer: only they owe the flat recovery indemnity. */
	public boolean business() {
		return indemnity != null;
	}

	/** One unpaid invoice the notice names. */
	public record Line(String number, LocalDate issueDate, LocalDate dueDate, BigDecimal balance) {
	}

}
