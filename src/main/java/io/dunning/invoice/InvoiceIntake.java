package io.dunning.invoice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a batch of invoices all or nothing. Idempotent on the invoice number: the same terms again change
 * nothing, different terms for a known number are a conflict. Customers' details follow the ERP. Known invoices and
 * customers are read in a few batched queries, so re-importing a large unchanged file is cheap.
 */
@Service
class InvoiceIntake {

	private static final Logger log = LoggerFactory.getLogger(InvoiceIntake.class);

	private final Invoices invoices;
	private final Customers customers;
	private final OverdueDetector overdue;
	private final CaseHistory history;
	private final Clock clock;
	private final ZoneId zone;

	InvoiceIntake(Invoices invoices, Customers customers, OverdueDetector overdue, CaseHistory history, Clock clock,
			@Value("${dunning.zone}") ZoneId zone) {
		this.invoices = invoices;
		this.customers = customers;
		this.overdue = overdue;
		this.history = history;
		this.clock = clock;
		this.zone = zone;
	}

	/** An empty batch for one request, with today's bounds for its dates. */
	InvoiceBatch newBatch(boolean csv) {
		return new InvoiceBatch(csv, DateWindow.forInvoices(LocalDate.now(clock.withZone(zone))));
	}

	@Transactional
	IntakeResult receive(InvoiceBatch batch, String actor) {
		List<Invoice> parsed = batch.invoices();
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
			throw new ConflictException("Invoice(s) " + String.join(", ", conflicts.subList(0, Math.min(conflicts.size(), 100)))
					+ (conflicts.size() > 100 ? " and " + (conflicts.size() - 100) + " more" : "")
					+ " already exist with different terms; nothing was stored.");
		}
		Instant now = clock.instant();
		CustomerChanges changes = saveCustomers(batch.customers(), now);
		for (Invoice invoice : fresh.values()) {
			invoices.insert(invoice, changes.ids().get(invoice.customer().externalId()), now);
			history.append(invoice.number(), HistoryType.INVOICE_RECEIVED, null, actor,
					Map.of("amount", invoice.amount().toString(), "dueDate", invoice.dueDate().toString()));
		}
		fresh.values().forEach(overdue::checkNew);
		log.info("Intake by {}: {} created, {} unchanged, {} customer(s) updated", actor, fresh.size(), unchanged,
				changes.updated());
		return new IntakeResult(fresh.size(), unchanged, changes.updated());
	}

	private record CustomerChanges(Map<String, Long> ids, int updated) {
	}

	private CustomerChanges saveCustomers(List<Customer> incoming, Instant now) {
		Map<String, Customers.Stored> stored = customers.findAll(incoming.stream().map(Customer::externalId).toList());
		Map<String, Long> ids = new HashMap<>();
		int updated = 0;
		for (Customer customer : incoming) {
			Customers.Stored known = stored.get(customer.externalId());
			if (known == null) {
				ids.put(customer.externalId(), customers.insert(customer, now));
				continue;
			}
			ids.put(customer.externalId(), known.id());
			Customer merged = customer.over(known.customer());
			if (!merged.equals(known.customer())) {
				customers.update(known.id(), merged);
				updated++;
			}
		}
		return new CustomerChanges(ids, updated);
	}

}
