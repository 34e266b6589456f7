package io.dunning.web;

import java.util.List;

/** Input that breaks one or more rules. The request is rejected whole and nothing is stored. */
public class BadInputException extends RuntimeException {

	private final List<InputError> errors;

	public BadInputException(List<InputError> errors) {
		super(errors.size() + " invalid field(s)");
		this.errors = List.copyOf(errors);
	}

	public static BadInputException of(String field, String message) {
		return new BadInputException(List.of(InputError.field(field, message)));
	}

	public List<InputError> errors() {
		return errors;
	}

}
