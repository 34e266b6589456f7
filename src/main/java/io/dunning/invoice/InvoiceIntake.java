package io.dunning.invoice;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.web.BadInputException;
import io.dunning.web.ConflictException;
import io.dunning.web.InputError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a batch of invoices all or nothing. Idempotent on the invoice number: the same terms again change
 * nothing, different terms for a known number are a conflict.
 */
@Service
class InvoiceIntake {

	private static final Logger log = LoggerFactory.getLogger(InvoiceIntake.class);

	private final Invoices invoices;
	private final Customers customers;
	private final OverdueDetector overdue;
	private final CaseHistory history;
	private final Clock clock;

	InvoiceIntake(Invoices invoices, Customers customers, OverdueDetector overdue, CaseHistory history, Clock clock) {
		this.invoices = invoices;
		this.customers = customers;
		this.overdue = overdue;
		this.history = history;
		this.clock = clock;
	}

	@Transactional
	IntakeResult receive(List<Map<IntakeField, String>> rows, boolean csv, String actor) {
		List<Invoice> parsed = parse(rows, csv);
		Map<String, Invoice> existing = new HashMap<>();
		invoices.findAll(parsed.stream().map(Invoice::number).toList()).forEach(i -> existing.put(i.number(), i));
		List<String> conflicts = new ArrayList<>();
		Map<String, Invoice> fresh = new LinkedHashMap<>();
		int unchanged = 0;
		for (Invoice invoice : parsed) {
			Invoice known = existing.containsKey(invoice.number()) ? existing.get(invoice.number()) : fresh.get(invoice.number());
			if (known == null) {
				fresh.put(invoice.number(), invoice);
			}
			else if (known.sameTermsAs(invoice)) {
				unchanged++;
			}
			else {
				conflicts.add(invoice.number());
			}
		}
		if (!conflicts.isEmpty()) {
			throw new ConflictException("Invoice(s) " + String.join(", ", conflicts)
					+ " already exist with different terms; nothing was stored.");
		}
		Instant now = clock.instant();
		for (Invoice invoice : fresh.values()) {
			long customerId = customers.save(invoice.customer(), now);
			invoices.insert(invoice, customerId, now);
			history.append(invoice.number(), HistoryType.INVOICE_RECEIVED, null, actor,
					Map.of("amount", invoice.amount().toString(), "dueDate", invoice.dueDate().toString()));
		}
		fresh.keySet().forEach(overdue::checkOne);
		log.info("Intake by {}: {} created, {} unchanged", actor, fresh.size(), unchanged);
		return new IntakeResult(fresh.size(), unchanged);
	}

	private static List<Invoice> parse(List<Map<IntakeField, String>> rows, boolean csv) {
		List<InputError> errors = new ArrayList<>();
		List<Invoice> parsed = new ArrayList<>();
		Map<String, Customer> customers = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			InvoiceRowParser.Result result = InvoiceRowParser.parse(i + 1, rows.get(i), csv);
			errors.addAll(result.errors());
			Invoice invoice = result.invoice();
			if (invoice == null) {
				continue;
			}
			Customer first = customers.putIfAbsent(invoice.customer().externalId(), invoice.customer());
			if (first != null && !first.equals(invoice.customer())) {
				errors.add(new InputError(i + 1, csv ? "customer_id" : "customerId", "customer "
						+ first.externalId() + " appears earlier in this request with other details"));
				continue;
			}
			parsed.add(invoice);
		}
		if (!errors.isEmpty()) {
			throw new BadInputException(errors);
		}
		return parsed;
	}

}
