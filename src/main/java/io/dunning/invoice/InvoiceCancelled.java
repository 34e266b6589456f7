package io.dunning.invoice;

/** The ERP cancelled the invoice (a credit note, a billing error): nothing is owed, dunning stops. */
public record InvoiceCancelled(String invoiceNumber, String reason) {
}
