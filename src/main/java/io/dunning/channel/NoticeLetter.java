package io.dunning.channel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** The content of a mise en demeure. {@code indemnity} is null for consumers. */
public record NoticeLetter(String customerName, Locale locale, LocalDate issuedOn, LocalDate deadline,
		List<Line> invoices, BigDecimal principal, BigDecimal annualRatePercent, long daysLate, BigDecimal interest,
		BigDecimal indemnity, BigDecimal total, Currency currency, String paymentReference) {

	public record Line(String invoiceNumber, LocalDate issueDate, LocalDate dueDate, BigDecimal balance) {
	}

}
