package io.dunning.escalation.cases;

import java.util.Map;

import io.dunning.escalation.CaseStatus;
import io.dunning.invoice.InvoiceCancelled;
import io.dunning.invoice.InvoiceSettled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A settled or cancelled invoice stops its path at once, wherever it stands. The case closes in the same
 * transaction as the payment or the cancellation; the engine is told right after the commit ({@link EngineMessages}
 * tells it again until it has heard), and told again after a crash.
 */
@Component
public class PathStopper {

	static final String PAID = "PaymentReceived";
	static final String CANCELLED = "InvoiceCancelled";

	private static final Logger log = LoggerFactory.getLogger(PathStopper.class);

	private final EngineMessages messages;
	private final Cases cases;
	private final CaseCloser closer;

	PathStopper(EngineMessages messages, Cases cases, CaseCloser closer) {
		this.messages = messages;
		this.cases = cases;
		this.closer = closer;
	}

	// In the payment's own transaction, not after it: the case is closed exactly when the invoice is settled.
	@EventListener
	void closeCase(InvoiceSettled settled) {
		close(settled.invoiceNumber(), CaseStatus.PAID, Map.of("paymentReference", settled.paymentReference()));
	}

	@EventListener
	void closeCase(InvoiceCancelled cancelled) {
		close(cancelled.invoiceNumber(), CaseStatus.CANCELLED, Map.of("reason", cancelled.reason()));
	}

	@ApplicationModuleListener
	void stopPath(InvoiceSettled settled) {
		publish(PAID, settled.invoiceNumber(), Map.of("paymentReference", settled.paymentReference()));
	}

	@ApplicationModuleListener
	void stopPath(InvoiceCancelled cancelled) {
		publish(CANCELLED, cancelled.invoiceNumber(), Map.of("cancelReason", cancelled.reason()));
	}

	private void close(String invoiceNumber, CaseStatus status, Map<String, String> details) {
		if (closer.close(invoiceNumber, status, "system", details)) {
			log.info("Invoice {}: case closed as {} ({})", invoiceNumber, status, details);
		}
	}

	private void publish(String message, String invoiceNumber, Map<String, Object> variables) {
		if (cases.findByInvoice(invoiceNumber).isEmpty()) {
			return;
		}
		messages.publishUntilHeard(message, invoiceNumber, message + "-" + invoiceNumber, variables,
				"the restart stops the path");
	}

}
