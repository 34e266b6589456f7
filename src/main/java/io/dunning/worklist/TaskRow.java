package io.dunning.worklist;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A task with the invoice and customer facts the task page shows. */
record TaskRow(long id, String invoiceNumber, String elementId, String formId, String candidateGroup,
		String assignee, String customerName, String email, String phone, BigDecimal amount, String currency,
		LocalDate invoiceDueDate, LocalDate brokenPromiseOn, String customerId) {
}
