package io.dunning.invoice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dunning.web.InputError;
import io.dunning.web.InputErrors;

/**
 * The invoices of one request, parsed row by row as they are read, with what is wrong with the others. Only the
 * parsed invoices and the first errors are kept, so a large file is never held whole.
 */
final class InvoiceBatch {

	private final boolean csv;
	private final DateWindow dates;
	private final InputErrors errors = new InputErrors();
	private final List<Invoice> invoices = new ArrayList<>();
	private final Map<String, Customer> customers = new HashMap<>();
	private int rows;

	InvoiceBatch(boolean csv, DateWindow dates) {
		this.csv = csv;
		this.dates = dates;
	}

	void add(int row, Map<IntakeField, String> fields) {
		rows++;
		InvoiceRowParser.Result result = InvoiceRowParser.parse(row, fields, csv, dates);
		errors.addAll(result.errors());
		Invoice invoice = result.invoice();
		if (invoice == null) {
			return;
		}
		Customer first = customers.putIfAbsent(invoice.customer().externalId(), invoice.customer());
		if (first != null && !first.equals(invoice.customer())) {
			errors.add(new InputError(row, csv ? "customer_id" : "customerId",
					"customer " + first.externalId() + " appears earlier in this request with other details"));
			return;
		}
		invoices.add(invoice);
	}

	void reject(InputError error) {
		rows++;
		errors.add(error);
	}

	int rows() {
		return rows;
	}

	/** The parsed invoices, or the request's rejection naming every bad row found (the first ones). */
	List<Invoice> invoices() {
		errors.throwIfAny();
		return invoices;
	}

	/** One customer each, as this request describes it. */
	List<Customer> customers() {
		errors.throwIfAny();
		return List.copyOf(customers.values());
	}

}
