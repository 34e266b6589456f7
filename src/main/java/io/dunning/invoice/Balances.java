package io.dunning.invoice;

import java.util.List;

import io.dunning.web.BadInputException;
import io.dunning.web.InputError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Lowers an invoice's balance by a payment, inside the caller's transaction. */
@Service
public class Balances {

	private final Invoices invoices;
	private final ApplicationEventPublisher events;

	Balances(Invoices invoices, ApplicationEventPublisher events) {
		this.invoices = invoices;
		this.events = events;
	}

	/** @return the balance left after the payment */
	@Transactional(propagation = Propagation.MANDATORY)
	public Money apply(String invoiceNumber, Money payment, String paymentReference) {
		Invoice invoice = invoices.findForUpdate(invoiceNumber)
			.orElseThrow(() -> BadInputException.of("invoiceNumber", "no invoice " + invoiceNumber));
		if (!invoice.balance().currency().equals(payment.currency())) {
			throw BadInputException.of("currency", "the invoice is in " + invoice.balance().currency().getCurrencyCode());
		}
		if (invoice.isCancelled()) {
			throw BadInputException.of("invoiceNumber", "invoice " + invoiceNumber + " is cancelled");
		}
		if (invoice.isSettled()) {
			throw BadInputException.of("invoiceNumber", "invoice " + invoiceNumber + " is already settled");
		}
		if (payment.amount().compareTo(invoice.balance().amount()) > 0) {
			throw new BadInputException(List.of(InputError.field("amount",
					"exceeds the open balance " + invoice.balance() + "; record an overpayment in the ERP")));
		}
		Money left = invoice.balance().minus(payment);
		invoices.updateBalance(invoiceNumber, left);
		if (!left.isPositive()) {
			events.publishEvent(new InvoiceSettled(invoiceNumber, paymentReference));
		}
		return left;
	}

}
