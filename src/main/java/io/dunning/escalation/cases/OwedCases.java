package io.dunning.escalation.cases;

import java.util.Optional;

import io.dunning.invoice.Invoice;
import io.dunning.invoice.InvoiceCatalog;
import org.springframework.stereotype.Component;

/**
 * The case of an invoice while it is still worth a step: the case is open and the invoice still owed. Every step
 * that contacts the customer or hands the case over asks here first, so a redelivered job after a payment does nothing.
 */
@Component
public class OwedCases {

	public record OwedCase(DunningCase dunningCase, Invoice invoice) {

		public long caseId() {
			return dunningCase.id().value();
		}

	}

	private final Cases cases;
	private final InvoiceCatalog invoices;

	OwedCases(Cases cases, InvoiceCatalog invoices) {
		this.cases = cases;
		this.invoices = invoices;
	}

	public Optional<OwedCase> find(String invoiceNumber) {
		return cases.findOpen(invoiceNumber)
			.flatMap(open -> invoices.find(invoiceNumber)
				.filter(i -> !i.isSettled() && !i.isCancelled())
				.map(invoice -> new OwedCase(open, invoice)));
	}

}
