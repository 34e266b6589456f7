package io.dunning.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Money arrived for an invoice; {@code balanceLeft} is what is still owed after it. */
public record PaymentReceived(String reference, String invoiceNumber, BigDecimal amount, String currency,
		BigDecimal balanceLeft, LocalDate paidOn) {
}
