package io.dunning.worklist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.dunning.invoice.CaseProgress;
import io.dunning.invoice.Customer;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.InvoiceCatalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What a collector reads about a customer before a call: every invoice still owed, and every promise and plan with
 * how it ended. The task page and the customer page show the same.
 */
@Service
class CustomerContext {

	private final InvoiceCatalog invoices;
	private final Promises promises;
	private final CaseProgress cases;
	private final ZoneId zone;

	CustomerContext(InvoiceCatalog invoices, Promises promises, CaseProgress cases,
			@Value("${dunning.zone}") ZoneId zone) {
		this.cases = cases;
		this.zone = zone;
		this.invoices = invoices;
		this.promises = promises;
	}

	/** An invoice still owed; {@code handedOver} once its dunning ended with the handoff to a lawyer or agency. */
	record OpenInvoice(String number, LocalDate issueDate, LocalDate dueDate, BigDecimal amount, BigDecimal balance,
			String currency, long daysOverdue, boolean handedOver) {
	}

	record InstalmentLine(Promise.Instalment instalment, Promise.Status status) {
	}

	/** A promise as the pages show it: its state today, and the day it was taken in the company's zone. */
	record PromiseLine(Promise promise, Promise.Status status, LocalDate madeOn, List<InstalmentLine> instalments) {
	}

	record Counts(long kept, long broken, long open) {
	}

	/** {@code customer} is null when the product does not know it; {@code totals} are per currency. */
	record View(String customerId, Customer customer, List<OpenInvoice> invoices, Map<String, BigDecimal> totals,
			List<PromiseLine> promises, Counts counts) {
	}

	View of(String customerId, LocalDate today) {
		List<OpenInvoice> open = invoices.openForCustomer(customerId).stream().map(i -> open(i, today)).toList();
		Map<String, BigDecimal> totals = new TreeMap<>();
		open.forEach(i -> totals.merge(i.currency(), i.balance(), BigDecimal::add));
		List<PromiseLine> lines = PlanAgreements.merged(promises.ofCustomer(customerId)).stream()
			.map(p -> line(p, today, zone))
			.toList();
		return new View(customerId, invoices.customer(customerId).orElse(null), open, totals, lines,
				counts(lines));
	}

	static PromiseLine line(Promise promise, LocalDate today, ZoneId zone) {
		return new PromiseLine(promise, promise.status(today), LocalDate.ofInstant(promise.madeAt(), zone),
				promise.instalments().stream()
			.map(i -> new InstalmentLine(i, promise.status(i, today)))
			.toList());
	}

	private static Counts counts(List<PromiseLine> lines) {
		return new Counts(count(lines, Promise.Status.KEPT), count(lines, Promise.Status.BROKEN),
				count(lines, Promise.Status.OPEN));
	}

	private static long count(List<PromiseLine> lines, Promise.Status status) {
		return lines.stream().filter(l -> l.status() == status).count();
	}

	private OpenInvoice open(Invoice invoice, LocalDate today) {
		boolean handedOver = cases.of(invoice.number())
			.filter(c -> "HANDED_OVER".equals(c.status()))
			.isPresent();
		return new OpenInvoice(invoice.number(), invoice.issueDate(), invoice.dueDate(), invoice.amount().amount(),
				invoice.balance().amount(), invoice.balance().currency().getCurrencyCode(),
				Math.max(0, ChronoUnit.DAYS.between(invoice.dueDate(), today)), handedOver);
	}

}
