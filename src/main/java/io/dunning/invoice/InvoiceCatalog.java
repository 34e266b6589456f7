package io.dunning.invoice;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Read access to invoices and their customers for the other modules. */
@Service
public class InvoiceCatalog {

	private final Invoices invoices;

	InvoiceCatalog(Invoices invoices) {
		this.invoices = invoices;
	}

	@Transactional(readOnly = true)
	public Optional<Invoice> find(String invoiceNumber) {
		return invoices.find(invoiceNumber);
	}

	/** How many of the customer's other invoices fell overdue (a case opened on them), paid since or not. */
	@Transactional(readOnly = true)
	public int overdueInvoicesOf(String customerExternalId, String exceptInvoiceNumber) {
		return invoices.countOverdueOf(customerExternalId, exceptInvoiceNumber);
	}

	/**
	 * Reads the invoice and holds its row until the caller's transaction ends, so that a payment or a
	 * cancellation of it waits for the caller's decision, and then sees it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Invoice> lock(String invoiceNumber) {
		return invoices.findForUpdate(invoiceNumber);
	}

}
