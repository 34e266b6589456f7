package io.dunning.escalation.steps;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dunning.channel.Channel;
import io.dunning.channel.ContactRequest;
import io.dunning.channel.Delivery;
import io.dunning.channel.Messenger;
import io.dunning.escalation.DunningProperties;
import io.dunning.escalation.cases.OwedCases;
import io.dunning.invoice.Invoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Sends one reminder of a case's path through the channel module, unless the case is already over. */
@Service
public class ReminderSender {

	private static final Logger log = LoggerFactory.getLogger(ReminderSender.class);

	private final OwedCases owed;
	private final Messenger messenger;
	private final DunningProperties properties;

	ReminderSender(OwedCases owed, Messenger messenger, DunningProperties properties) {
		this.owed = owed;
		this.messenger = messenger;
		this.properties = properties;
	}

	/**
	 * @return when the contact was made, or empty when nothing went out (case over, or no address)
	 * @throws io.dunning.channel.ContactHeldException outside the contact hours: it goes out when they open
	 */
	Optional<Instant> send(String invoiceNumber, String step, Channel channel, String template) {
		Optional<OwedCases.OwedCase> current = owed.find(invoiceNumber);
		if (current.isEmpty()) {
			log.info("Invoice {}: {} skipped, the case is over", invoiceNumber, step);
			return Optional.empty();
		}
		Invoice invoice = current.get().invoice();
		long caseId = current.get().caseId();
		Delivery delivery = messenger.send(new ContactRequest(caseId, step, channel, template,
				ContactFacts.recipient(invoice.customer()), ContactFacts.invoice(invoice), Map.of(), List.of(),
				properties.contactTimeOf(caseId)));
		return Optional.ofNullable(delivery.sentAt());
	}

}
