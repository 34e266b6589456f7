package io.dunning.dunning;

import java.time.Duration;
import java.util.Map;

import io.camunda.client.CamundaClient;
import io.dunning.invoice.InvoiceSettled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** A settled invoice stops its path at once, wherever it stands, and its case closes as PAID. */
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

	// Not one transaction around the whole handler: each step commits on its own, and the engine is called outside.
	@Async
	@TransactionalEventListener
	void on(InvoiceSettled settled) {
		cases.findByInvoice(settled.invoiceNumber()).filter(c -> c.status() == CaseStatus.OPEN).ifPresent(open -> {
			// The message goes first: if the engine is unreachable the event is retried and the case stays open.
			// Its TTL covers an instance that is being (re)started right now; the message id makes a retry harmless.
			client.newPublishMessageCommand()
				.messageName(MESSAGE)
				.correlationKey(settled.invoiceNumber())
				.messageId("settled-" + settled.invoiceNumber())
				.timeToLive(Duration.ofHours(1))
				.variables(Map.of("paymentReference", settled.paymentReference()))
				.send()
				.join();
			closer.close(open, CaseStatus.PAID, "system", Map.of("paymentReference", settled.paymentReference()));
			log.info("Invoice {} settled by payment {}: case {} closed as PAID", settled.invoiceNumber(),
					settled.paymentReference(), open.id().value());
		});
	}

}
