package io.dunning.invoice;

import java.time.LocalDate;
import java.util.Map;

import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.web.BadInputException;
import io.dunning.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What settling a dispute does to an invoice, inside the caller's transaction: a credit note lowers its balance (a
 * full one cancels the invoice, so its case ends CANCELLED, not PAID), and a correction gives it new terms.
 */
@Service
public class InvoiceAdjustments {

	private final Invoices invoices;
	private final InvoiceCancellation cancellation;
	private final CaseHistory history;

	InvoiceAdjustments(Invoices invoices, InvoiceCancellation cancellation, CaseHistory history) {
		this.invoices = invoices;
		this.cancellation = cancellation;
		this.history = history;
	}

	/** @return the balance left after the credit note */
	@Transactional(propagation = Propagation.MANDATORY)
	public Money credit(String number, Money credit, String reference, String actor) {
		Invoice invoice = owed(number);
		if (!invoice.balance().currency().equals(credit.currency())) {
			throw BadInputException.of("creditAmount", "the invoice is in " + invoice.balance().currency().getCurrencyCode());
		}
		if (!credit.isPositive() || credit.amount().compareTo(invoice.balance().amount()) > 0) {
			throw BadInputException.of("creditAmount", "must be above zero and at most the balance " + invoice.balance());
		}
		Money left = invoice.balance().minus(credit);
		history.append(number, HistoryType.CREDIT_NOTE_APPLIED, null, actor,
				Map.of("reference", reference, "amount", credit.amount().toPlainString(), "balance",
						left.amount().toPlainString()));
		if (!left.isPositive()) {
			// Cancelled while it still shows a balance: a settled invoice cannot be cancelled.
			cancellation.cancel(number, "credit note " + reference, actor);
		}
		invoices.updateBalance(number, left);
		return left;
	}

	/**
	 * New terms for the invoice: a new due date and, when given, a new amount. What was paid stays paid, so the
	 * balance moves by the change of the amount.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Invoice correct(String number, LocalDate dueDate, Money amount, String actor) {
		Invoice invoice = owed(number);
		Money newAmount = amount == null ? invoice.amount() : amount;
		if (!newAmount.currency().equals(invoice.amount().currency())) {
			throw BadInputException.of("newAmount", "the invoice is in " + invoice.amount().currency().getCurrencyCode());
		}
		Money paid = invoice.paid();
		Money balance = newAmount.minus(paid);
		if (!balance.isPositive()) {
			throw BadInputException.of("newAmount", "must be above the " + paid + " already paid");
		}
		invoices.correct(number, dueDate, newAmount, balance);
		history.append(number, HistoryType.INVOICE_CORRECTED, null, actor,
				Map.of("dueDate", dueDate.toString(), "amount", newAmount.amount().toPlainString(), "previousDueDate",
						invoice.dueDate().toString(), "previousAmount", invoice.amount().amount().toPlainString()));
		return invoices.find(number).orElseThrow();
	}

	private Invoice owed(String number) {
		Invoice invoice = invoices.findForUpdate(number).orElseThrow(() -> new NotFoundException("No invoice " + number));
		if (invoice.isCancelled() || invoice.isSettled()) {
			throw BadInputException.of("invoiceNumber", "invoice " + number + " is no longer owed");
		}
		return invoice;
	}

}
