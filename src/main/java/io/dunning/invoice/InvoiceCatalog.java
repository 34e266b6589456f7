package io.dunning.invoice;

import java.util.Optional;

import org.springframework.stereotype.Service;
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

}
