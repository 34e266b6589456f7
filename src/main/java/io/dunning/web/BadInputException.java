package io.dunning.web;

import java.util.List;

/**
 * Input that breaks one or more rules. The request is rejected whole and nothing is stored. At most
 * {@link InputErrors#LIMIT} errors are listed; {@link #total()} counts them all.
 */
public class BadInputException extends RuntimeException {

	private final List<InputError> errors;
	private final int total;

	public BadInputException(List<InputError> errors) {
		this(errors, errors.size());
	}

	BadInputException(List<InputError> errors, int total) {
		super(total + " invalid field(s)");
		this.errors = List.copyOf(errors.subList(0, Math.min(errors.size(), InputErrors.LIMIT)));
		this.total = Math.max(total, errors.size());
	}

	public static BadInputException of(String field, String message) {
		return new BadInputException(List.of(InputError.field(field, message)));
	}

	public List<InputError> errors() {
		return errors;
	}

	public int total() {
		return total;
	}

}
