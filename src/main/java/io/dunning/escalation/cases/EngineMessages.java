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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the engine about a case, and tells it again with a growing pause until it has heard: while it has not, the
 * instance runs on as if nothing had happened. The message id makes a repeat harmless, the engine's "already
 * published" answer counts as heard, and the TTL covers an instance being (re)started at that moment.
 */
@Component
public class EngineMessages {

	private static final Logger log = LoggerFactory.getLogger(EngineMessages.class);
	private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
	private static final Duration MAX_PAUSE = Duration.ofMinutes(1);

	private final CamundaClient client;
	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
		.name("engine-messages-retry")
		.daemon(true)
		.factory());

	EngineMessages(CamundaClient client) {
		this.client = client;
	}

	/** @param ifLost what becomes of the case when the app stops before the engine heard (for the log) */
	public void publishUntilHeard(String message, String invoiceNumber, String messageId, Map<String, Object> variables,
			String ifLost) {
		attempt(message, invoiceNumber, messageId, variables, ifLost, 0);
	}

	private void attempt(String message, String invoiceNumber, String messageId, Map<String, Object> variables,
			String ifLost, int failures) {
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
			Duration pause = backoff(failures);
			log.warn("Invoice {}: the engine has not heard {} yet, telling it again in {}: {}", invoiceNumber, message,
					pause, failure.getMessage());
			try {
				retries.schedule(() -> attempt(message, invoiceNumber, messageId, variables, ifLost, failures + 1),
						pause.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException shuttingDown) {
				log.warn("Invoice {}: {} not delivered before shutdown; {}", invoiceNumber, message, ifLost);
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
