package io.dunning.channel;

import java.time.Duration;
import java.time.Instant;

/**
 * A contact asked for outside its channel's contact hours: nothing went out, and nothing is wrong. The caller asks
 * again after {@link #retryAfter()}, when it goes out; a job worker does so without spending a retry.
 */
public class ContactHeldException extends RuntimeException {

	private final Instant until;

	private final Duration retryAfter;

	ContactHeldException(String message, Instant until, Duration retryAfter) {
		super(message);
		this.until = until;
		this.retryAfter = retryAfter;
	}

	public Instant until() {
		return until;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

}
