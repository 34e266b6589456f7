package io.dunning.invoice;

import java.time.LocalDate;

/** An invoice with a balance is past its due date plus the grace: a dunning case should open. */
public record InvoiceOverdue(String invoiceNumber, LocalDate dueDate) {
}
