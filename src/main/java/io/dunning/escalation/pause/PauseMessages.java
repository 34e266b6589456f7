package io.dunning.escalation.pause;

import java.util.Map;

import io.dunning.escalation.cases.EngineMessages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the engine about a pause once the change is committed ({@link EngineMessages} tells it again until it has
 * heard). A message that reaches the wrong wait does no harm: every way out of a hold asks the database what holds
 * the case now.
 */
@Component
class PauseMessages {

	static final String DISPUTE_RAISED = "DisputeRaised";
	static final String DUNNING_BLOCKED = "DunningBlocked";
	static final String BLOCK_LIFTED = "BlockLifted";

	private final EngineMessages messages;

	PauseMessages(EngineMessages messages) {
		this.messages = messages;
	}

	/** Publishes after the caller's transaction commits (at once without one). */
	void publishAfterCommit(String message, String invoiceNumber, String messageId, Map<String, Object> variables) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			publish(message, invoiceNumber, messageId, variables);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				publish(message, invoiceNumber, messageId, variables);
			}
		});
	}

	private void publish(String message, String invoiceNumber, String messageId, Map<String, Object> variables) {
		messages.publishUntilHeard(message, invoiceNumber, messageId, variables, "the restart holds the case");
	}

}
