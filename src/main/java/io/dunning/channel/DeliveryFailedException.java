package io.dunning.channel;

/**
 * A provider refused or could not take a message. The ledger row is marked FAILED and stays open, so the job that
 * asked for the contact fails with retries and a later attempt may send it.
 */
public class DeliveryFailedException extends RuntimeException {

	public DeliveryFailedException(String message) {
		super(message);
	}

	public DeliveryFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
