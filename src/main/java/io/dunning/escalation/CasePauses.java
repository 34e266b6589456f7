package io.dunning.escalation;

import java.util.Collection;
import java.util.List;

/** What holds dunning now (open disputes, active blocks), for the pages of other modules to show beside a case. */
public interface CasePauses {

	/** The pauses of the customer's invoices still owed, its own blocks included; the customer by its external id. */
	List<PauseView> forCustomer(String customerId);

	/** The pauses of these invoices, their customers' blocks included. */
	List<PauseView> forInvoices(Collection<String> invoiceNumbers);

}
