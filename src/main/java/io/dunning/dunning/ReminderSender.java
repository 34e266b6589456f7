package io.dunning.dunning;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dunning.channel.Channel;
import io.dunning.channel.ContactRequest;
import io.dunning.channel.Delivery;
import io.dunning.channel.Messenger;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.InvoiceCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Sends one reminder of a case's path through the channel module, unless the case is already over. */
@Service
class ReminderSender {

	private static final Logger log = LoggerFactory.getLogger(ReminderSender.class);

	private final Cases cases;
	private final InvoiceCatalog invoices;
	private final Messenger messenger;

	ReminderSender(Cases cases, InvoiceCatalog invoices, Messenger messenger) {
		this.cases = cases;
		this.invoices = invoices;
		this.messenger = messenger;
	}

	/** @return when the contact was made, or empty when nothing went out (case over, or no address) */
	Optional<Instant> send(String invoiceNumber, String step, Channel channel, String template) {
		Optional<DunningCase> open = cases.findOpen(invoiceNumber);
		Optional<Invoice> invoice = invoices.find(invoiceNumber).filter(i -> !i.isSettled());
		if (open.isEmpty() || invoice.isEmpty()) {
			log.info("Invoice {}: {} skipped, the case is over", invoiceNumber, step);
			return Optional.empty();
		}
		Delivery delivery = messenger.send(new ContactRequest(open.get().id().value(), step, channel, template,
				ContactFacts.recipient(invoice.get().customer()), ContactFacts.invoice(invoice.get()), Map.of(), List.of()));
		return Optional.ofNullable(delivery.sentAt());
	}

}
