package io.dunning.escalation.pause;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.dunning.escalation.CasePauses;
import io.dunning.escalation.DunningProperties;
import io.dunning.escalation.PauseView;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.InvoiceCatalog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What holds dunning now, for the pages: the open disputes and the active blocks of an invoice or a customer. Pages
 * include {@code ~{escalation/pauses :: forCustomer(${customerId})}} or {@code forInvoices(${numbers})}, which read it
 * as the bean {@code pauses}, or {@code panel(${list})} with what they read here themselves.
 */
@Service("pauses")
public class Pauses implements CasePauses {

	private final Disputes disputes;
	private final Blocks blocks;
	private final InvoiceCatalog invoices;
	private final DunningProperties properties;
	private final Clock clock;

	Pauses(Disputes disputes, Blocks blocks, InvoiceCatalog invoices, DunningProperties properties, Clock clock) {
		this.disputes = disputes;
		this.blocks = blocks;
		this.invoices = invoices;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<PauseView> forCustomer(String customerId) {
		return collect(Set.of(customerId), invoices.owedNumbersOf(customerId));
	}

	@Transactional(readOnly = true)
	public List<PauseView> forInvoice(String invoiceNumber) {
		return forInvoices(List.of(invoiceNumber));
	}

	@Override
	@Transactional(readOnly = true)
	public List<PauseView> forInvoices(Collection<String> invoiceNumbers) {
		Set<String> customers = new LinkedHashSet<>();
		for (String number : invoiceNumbers) {
			invoices.find(number).map(Invoice::customer).ifPresent(c -> customers.add(c.externalId()));
		}
		return collect(customers, List.copyOf(invoiceNumbers));
	}

	private List<PauseView> collect(Set<String> customers, List<String> invoiceNumbers) {
		List<PauseView> views = new ArrayList<>();
		disputes.openOf(invoiceNumbers).forEach(d -> views.add(new PauseView("DISPUTE", d.id(), d.invoiceNumber(), null,
				d.reason().name(), d.comment(), d.raisedBy(), day(d.raisedAt()), null)));
		LocalDate today = LocalDate.ofInstant(clock.instant(), properties.zone());
		Set<Long> seen = new LinkedHashSet<>();
		for (String customer : customers) {
			blocks.activeOfCustomer(customer, invoiceNumbers, today).stream()
				.filter(b -> seen.add(b.id()))
				.forEach(b -> views.add(new PauseView("BLOCK", b.id(), b.invoiceNumber(), b.customerId(), b.reason(), null,
						b.createdBy(), day(b.createdAt()), b.expiresOn())));
		}
		return views;
	}

	/** The day in the company's zone, as the timeline beside it shows times: 00:22 in Paris is still the 29th. */
	private LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, properties.zone());
	}

}
