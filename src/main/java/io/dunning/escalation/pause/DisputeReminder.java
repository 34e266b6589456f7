package io.dunning.escalation.pause;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.channel.Channel;
import io.dunning.channel.ContactRequest.Recipient;
import io.dunning.channel.ContactRequest;
import io.dunning.channel.Messenger;
import io.dunning.escalation.DunningProperties;
import io.dunning.escalation.JobFailures;
import io.dunning.escalation.OffPathWorker;
import io.dunning.escalation.steps.ContactFacts;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.InvoiceCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service task behind the dispute's reminder timer ({@code dunning:dispute-reminder:1}): a dispute still open is
 * recorded in the history as reminded, and the managers' address gets one email, through the delivery ledger keyed by
 * the dispute, so a redelivered job or a restarted case tells them once. The timer does not interrupt the task: this
 * runs beside the case's step.
 */
@Component
public class DisputeReminder implements OffPathWorker {

	static final String TEMPLATE = "dispute-reminder";

	private static final Logger log = LoggerFactory.getLogger(DisputeReminder.class);

	private final Disputes disputes;
	private final InvoiceCatalog invoices;
	private final CaseHistory history;
	private final Messenger messenger;
	private final MessageSource messages;
	private final TransactionTemplate transactions;
	private final DisputeProperties properties;
	private final ZoneId zone;

	DisputeReminder(Disputes disputes, InvoiceCatalog invoices, CaseHistory history, Messenger messenger,
			MessageSource messages, TransactionTemplate transactions, DisputeProperties properties,
			DunningProperties dunning) {
		this.disputes = disputes;
		this.invoices = invoices;
		this.history = history;
		this.messenger = messenger;
		this.messages = messages;
		this.transactions = transactions;
		this.properties = properties;
		this.zone = dunning.zone();
	}

	// Public, with its class, because the Camunda client invokes it by plain reflection.
	@JobWorker(type = "dunning:dispute-reminder:1")
	public void remind(ActivatedJob job, @Variable String invoiceNumber, @Variable long caseId) {
		JobFailures.retrying(job, () -> {
			remind(caseId, invoiceNumber);
			return null;
		});
	}

	private void remind(long caseId, String invoiceNumber) {
		Optional<Dispute> open = disputes.findOpen(invoiceNumber);
		if (open.isEmpty()) {
			log.info("Invoice {}: dispute reminder due as the dispute ended, nobody to remind", invoiceNumber);
			return;
		}
		Dispute dispute = open.get();
		LocalDate raisedOn = LocalDate.ofInstant(dispute.raisedAt(), zone);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("disputeId", dispute.id());
		details.put("reason", dispute.reason().name());
		details.put("raisedOn", raisedOn.toString());
		details.put("notified", properties.notifyEmail());
		transactions.executeWithoutResult(tx -> history.appendOnce("dispute-reminder:" + dispute.id(), invoiceNumber,
				HistoryType.DISPUTE_REMINDED, HoldSteps.RESOLVE_DISPUTE, "system", details));
		if (properties.notifyEmail() != null) {
			Invoice invoice = invoices.find(invoiceNumber).orElseThrow();
			Locale locale = "en".equals(properties.notifyLanguage()) ? Locale.UK : Locale.FRANCE;
			Map<String, String> extra = Map.of("customer", invoice.customer().name(), "reason",
					messages.getMessage("pause.reason." + dispute.reason().name(), null, dispute.reason().name(), locale),
					"raisedOn", raisedOn.toString());
			messenger.notifyStaff(new ContactRequest(caseId, step(dispute), Channel.EMAIL, TEMPLATE,
					new Recipient("managers", locale, properties.notifyEmail(), null, true), ContactFacts.invoice(invoice),
					extra, List.of()));
		}
	}

	/** One reminder per dispute: the ledger's key. */
	static String step(Dispute dispute) {
		return HoldSteps.RESOLVE_DISPUTE + ":reminder:" + dispute.id();
	}

}
