package io.dunning.worklist;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dunning.channel.Channel;
import io.dunning.channel.ContactRequest.InvoiceFacts;
import io.dunning.channel.ContactRequest.Recipient;
import io.dunning.channel.ContactRequest;
import io.dunning.channel.Messenger;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.InvoiceCatalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Emails the managers' address, when one is configured, that a task's SLA passed. Through the channel module's one
 * entry point: its delivery ledger, keyed by the case and the task, sends it once across crashes and redeliveries.
 */
@Component
class SlaNotifier {

	static final String TEMPLATE = "sla-passed";

	private final SlaProperties properties;
	private final Messenger messenger;
	private final InvoiceCatalog invoices;
	private final MessageSource messages;
	private final ZoneId zone;

	SlaNotifier(SlaProperties properties, Messenger messenger, InvoiceCatalog invoices, MessageSource messages,
			@Value("${dunning.zone}") ZoneId zone) {
		this.properties = properties;
		this.messenger = messenger;
		this.invoices = invoices;
		this.messages = messages;
		this.zone = zone;
	}

	void notifyManagers(long caseId, SlaBreaches.Breach breach) {
		if (properties.notifyEmail() == null) {
			return;
		}
		Invoice invoice = invoices.find(breach.invoiceNumber()).orElseThrow();
		Locale locale = "en".equals(properties.notifyLanguage()) ? Locale.UK : Locale.FRANCE;
		InvoiceFacts facts = new InvoiceFacts(invoice.number(), invoice.amount().amount(), invoice.balance().amount(),
				invoice.amount().currency(), invoice.issueDate(), invoice.dueDate(), null);
		Map<String, String> extra = Map.of("customer", invoice.customer().name(), "task",
				messages.getMessage("step." + breach.elementId(), null, breach.elementId(), locale), "group",
				String.valueOf(breach.candidateGroup()), "passedOn", LocalDate.ofInstant(breach.passedAt(), zone).toString());
		messenger.notifyStaff(new ContactRequest(caseId, step(breach), Channel.EMAIL, TEMPLATE,
				new Recipient("managers", locale, properties.notifyEmail(), null, true), facts, extra, List.of()));
	}

	/** One notification per task: a step reached twice (a call made again) opens a new task, and is told again. */
	static String step(SlaBreaches.Breach breach) {
		return breach.elementId() + ":sla:" + breach.taskId().value();
	}

}
