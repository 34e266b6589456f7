package io.dunning.channel;

/** A provider refused or failed a message; the caller retries later. */
public class DeliveryFailedException extends RuntimeException {

	public DeliveryFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
