package io.dunning.invoice;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Read access to invoices and their customers for the other modules. */
@Service
public class InvoiceCatalog {

	private final Invoices invoices;
	private final Customers customers;

	InvoiceCatalog(Invoices invoices, Customers customers) {
		this.invoices = invoices;
		this.customers = customers;
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

	/** The customer by its id in the ERP. */
	@Transactional(readOnly = true)
	public Optional<Customer> customer(String customerId) {
		return customers.find(customerId);
	}

	/** The customer's invoices still owed (a balance, not cancelled), oldest due date first; one indexed query. */
	@Transactional(readOnly = true)
	public List<Invoice> openForCustomer(String customerId) {
		return invoices.openOf(customerId);
	}

	/**
	 * Reads the invoice and holds its row until the caller's transaction ends, so that a payment or a
	 * cancellation of it waits for the caller's decision, and then sees it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Invoice> lock(String invoiceNumber) {
		return invoices.findForUpdate(invoiceNumber);
	}

	/** The numbers of the customer's invoices still owed; the customer is named by its external id. */
	@Transactional(readOnly = true)
	public List<String> owedNumbersOf(String customerId) {
		return invoices.owedNumbersOf(customerId);
	}

	/** The ids of the customers whose name contains this text, case and accents aside (Lefèvre for "lefevre"). */
	@Transactional(readOnly = true)
	public List<String> customerIdsNamedLike(String text, int limit) {
		return customers.idsNamedLike(text, limit);
	}

	/** The customer a person typed: its id exactly, or else its name, case and accents aside (which may be several). */
	@Transactional(readOnly = true)
	public List<Customer> customersTyped(String idOrName) {
		return customers.find(idOrName).map(List::of).orElseGet(() -> customers.named(idOrName));
	}

	@Transactional(readOnly = true)
	public boolean customerExists(String customerId) {
		return invoices.customerExists(customerId);
	}

}
