package io.dunning.web;

/** A system the request needs did not answer in time; the same request can be sent again safely. */
public class UnavailableException extends RuntimeException {

	public UnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
