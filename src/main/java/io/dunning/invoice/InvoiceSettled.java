package io.dunning.invoice;

/** The balance reached zero: whatever step the case is at, dunning stops. */
public record InvoiceSettled(String invoiceNumber, String paymentReference) {
}
