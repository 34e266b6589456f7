package io.dunning.escalation.cases;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import jakarta.annotation.PreDestroy;
import io.dunning.invoice.InvoiceCancelled;
import io.dunning.invoice.InvoiceSettled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import io.dunning.escalation.CaseStatus;

/**
 * A settled or cancelled invoice stops its path at once, wherever it stands. The case closes in the same
 * transaction as the payment or the cancellation; the engine is told right after the commit, and told again after
 * a crash until it has heard. A failed publish is retried here, with backoff, until the engine has it.
 */
@Component
public class PathStopper {

	static final String PAID = "PaymentReceived";
	static final String CANCELLED = "InvoiceCancelled";

	private static final Logger log = LoggerFactory.getLogger(PathStopper.class);
	private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
	private static final Duration MAX_PAUSE = Duration.ofMinutes(1);

	private final CamundaClient client;
	private final Cases cases;
	private final CaseCloser closer;
	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
		.name("path-stopper-retry")
		.daemon(true)
		.factory());

	PathStopper(CamundaClient client, Cases cases, CaseCloser closer) {
		this.client = client;
		this.cases = cases;
		this.closer = closer;
	}

	@EventListener
	void closeCase(InvoiceSettled settled) {
		close(settled.invoiceNumber(), CaseStatus.PAID, Map.of("paymentReference", settled.paymentReference()));
	}

	@EventListener
	void closeCase(InvoiceCancelled cancelled) {
		close(cancelled.invoiceNumber(), CaseStatus.CANCELLED, Map.of("reason", cancelled.reason()));
	}

	@Async
	@TransactionalEventListener
	void stopPath(InvoiceSettled settled) {
		publish(PAID, settled.invoiceNumber(), Map.of("paymentReference", settled.paymentReference()));
	}

	@Async
	@TransactionalEventListener
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
		attempt(message, invoiceNumber, variables, 0);
	}

	/**
	 * Tells the engine, and tells it again with a growing pause until it has heard: while it has not, the instance
	 * runs on and could contact a customer who has paid. The TTL covers an instance being (re)started right now; the
	 * message id makes a repeat harmless, and the engine's "already published" answer counts as heard.
	 */
	private void attempt(String message, String invoiceNumber, Map<String, Object> variables, int failures) {
		CompletableFuture<?> sent;
		try {
			sent = client.newPublishMessageCommand()
				.messageName(message)
				.correlationKey(invoiceNumber)
				.messageId(message + "-" + invoiceNumber)
				.timeToLive(Duration.ofHours(1))
				.variables(variables)
				.send()
				.toCompletableFuture();
		}
		catch (RuntimeException e) {
			sent = CompletableFuture.failedFuture(e);
		}
		sent.whenComplete((published, failure) -> {
			if (failure == null || alreadyPublished(failure)) {
				return;
			}
			Duration pause = backoff(failures);
			log.warn("Invoice {}: the engine has not heard {} yet, telling it again in {}: {}", invoiceNumber, message,
					pause, failure.getMessage());
			try {
				retries.schedule(() -> attempt(message, invoiceNumber, variables, failures + 1), pause.toMillis(),
						TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException shuttingDown) {
				log.warn("Invoice {}: {} not delivered before shutdown; the restart stops the path", invoiceNumber, message);
			}
		});
	}

	static Duration backoff(int failures) {
		Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(failures, 10));
		return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
	}

	private static boolean alreadyPublished(Throwable failure) {
		Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
		return cause instanceof ClientStatusException status && status.getStatusCode() == Status.Code.ALREADY_EXISTS;
	}

	@PreDestroy
	void stop() {
		retries.shutdownNow();
	}

}
