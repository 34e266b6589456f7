package io.dunning.escalation.pause;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the engine about a pause once the change is committed, and again with a growing pause until it has heard.
 * The message id makes a repeat harmless; the TTL covers an instance being (re)started at that moment. A message that
 * reaches the wrong wait does no harm: every way out of a hold asks the database what holds the case now.
 */
@Component
class PauseMessages {

	static final String DISPUTE_RAISED = "DisputeRaised";
	static final String DUNNING_BLOCKED = "DunningBlocked";
	static final String BLOCK_LIFTED = "BlockLifted";

	private static final Logger log = LoggerFactory.getLogger(PauseMessages.class);
	private static final Duration MAX_PAUSE = Duration.ofMinutes(1);

	private final CamundaClient client;
	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
		.name("pause-messages-retry")
		.daemon(true)
		.factory());

	PauseMessages(CamundaClient client) {
		this.client = client;
	}

	/** Publishes after the caller's transaction commits (at once without one). */
	void publishAfterCommit(String message, String invoiceNumber, String messageId, Map<String, Object> variables) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			attempt(message, invoiceNumber, messageId, variables, 0);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				attempt(message, invoiceNumber, messageId, variables, 0);
			}
		});
	}

	private void attempt(String message, String invoiceNumber, String messageId, Map<String, Object> variables,
			int failures) {
		CompletableFuture<?> sent;
		try {
			sent = client.newPublishMessageCommand()
				.messageName(message)
				.correlationKey(invoiceNumber)
				.messageId(messageId)
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
			Duration pause = Duration.ofSeconds(1L << Math.min(failures, 6));
			pause = pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
			log.warn("Invoice {}: the engine has not heard {} yet, telling it again in {}: {}", invoiceNumber, message,
					pause, failure.getMessage());
			try {
				retries.schedule(() -> attempt(message, invoiceNumber, messageId, variables, failures + 1),
						pause.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException shuttingDown) {
				log.warn("Invoice {}: {} not delivered before shutdown; the restart holds the case", invoiceNumber, message);
			}
		});
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
