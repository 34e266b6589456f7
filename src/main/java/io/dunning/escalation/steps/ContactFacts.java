package io.dunning.escalation.steps;

import io.dunning.channel.ContactRequest.InvoiceFacts;
import io.dunning.channel.ContactRequest.Recipient;
import io.dunning.escalation.notice.Debtor;
import io.dunning.escalation.notice.PaymentReference;
import io.dunning.invoice.Customer;
import io.dunning.invoice.Invoice;

/** What every message about an invoice speaks of: who owes, how much, since when, and how to pay. */
public final class ContactFacts {

	private ContactFacts() {
	}

	public static Recipient recipient(Customer customer) {
		Debtor debtor = Debtor.of(customer);
		return new Recipient(customer.name(), customer.locale(), customer.email(), customer.phone(),
				debtor != Debtor.CONSUMER, debtor == Debtor.PUBLIC_BUYER);
	}

	public static InvoiceFacts invoice(Invoice invoice) {
		return new InvoiceFacts(invoice.number(), invoice.amount().amount(), invoice.balance().amount(),
				invoice.amount().currency(), invoice.issueDate(), invoice.dueDate(), PaymentReference.of(invoice.number()));
	}

}
