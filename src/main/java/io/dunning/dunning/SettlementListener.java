package io.dunning.dunning;

import java.time.Duration;
import java.util.Map;

import io.camunda.client.CamundaClient;
import io.dunning.invoice.InvoiceSettled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A settled invoice stops its path at once, wherever it stands. The case closes as PAID in the payment's own
 * transaction; the engine is told right after the commit, and told again after a crash until it has heard.
 */
@Component
class SettlementListener {

	static final String MESSAGE = "PaymentReceived";

	private static final Logger log = LoggerFactory.getLogger(SettlementListener.class);

	private final CamundaClient client;
	private final Cases cases;
	private final CaseCloser closer;

	SettlementListener(CamundaClient client, Cases cases, CaseCloser closer) {
		this.client = client;
		this.cases = cases;
		this.closer = closer;
	}

	@EventListener
	void closeCase(InvoiceSettled settled) {
		// No locking read: closing is a conditional update, and a locking read of a missing case would take a gap
		// lock that can deadlock with a case being opened.
		cases.findOpen(settled.invoiceNumber()).ifPresent(open -> {
			if (closer.close(open, CaseStatus.PAID, "system", Map.of("paymentReference", settled.paymentReference()))) {
				log.info("Invoice {} settled by payment {}: case {} closed as PAID", settled.invoiceNumber(),
						settled.paymentReference(), open.id().value());
			}
		});
	}

	@Async
	@TransactionalEventListener
	void stopPath(InvoiceSettled settled) {
		if (cases.findByInvoice(settled.invoiceNumber()).isEmpty()) {
			return;
		}
		// The TTL covers an instance being (re)started right now; the message id makes a repeat harmless.
		client.newPublishMessageCommand()
			.messageName(MESSAGE)
			.correlationKey(settled.invoiceNumber())
			.messageId("settled-" + settled.invoiceNumber())
			.timeToLive(Duration.ofHours(1))
			.variables(Map.of("paymentReference", settled.paymentReference()))
			.send()
			.join();
	}

}
