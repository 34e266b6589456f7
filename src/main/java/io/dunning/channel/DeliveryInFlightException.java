package io.dunning.channel;

import java.time.Duration;

/**
 * Another attempt at the same contact may still be talking to the provider. Nothing is wrong yet: the caller should
 * simply come back after {@link #retryAfter()}, without counting this as a failure.
 */
public class DeliveryInFlightException extends DeliveryFailedException {

	private final Duration retryAfter;

	public DeliveryInFlightException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

}
