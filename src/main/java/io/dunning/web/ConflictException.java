package io.dunning.web;

/** The request contradicts what is already stored, or the current state forbids it. */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
