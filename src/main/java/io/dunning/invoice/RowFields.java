package io.dunning.invoice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.dunning.web.InputError;
import io.dunning.web.TextInput;

/**
 * The text fields of one incoming row (CSV or JSON), read with the rules every field shares, and the list of what is
 * wrong with them, named as the sender named the field.
 */
final class RowFields {

	private final int row;
	private final Map<IntakeField, String> fields;
	private final boolean csv;
	private final List<InputError> errors = new ArrayList<>();

	RowFields(int row, Map<IntakeField, String> fields, boolean csv) {
		this.row = row;
		this.fields = fields;
		this.csv = csv;
	}

	boolean present(IntakeField field) {
		String value = fields.get(field);
		return value != null && !value.isBlank();
	}

	/** The stripped value, or null when it is absent, blank or refused (the refusal is recorded). */
	String optional(IntakeField field, int maxLength) {
		if (!present(field)) {
			return null;
		}
		String value = fields.get(field).strip();
		Optional<String> problem = TextInput.problemWith(value);
		if (problem.isPresent()) {
			error(field, problem.get());
			return null;
		}
		if (value.length() > maxLength) {
			error(field, "longer than " + maxLength + " characters");
			return null;
		}
		return value;
	}

	String required(IntakeField field, int maxLength) {
		if (!present(field)) {
			error(field, "required");
			return null;
		}
		return optional(field, maxLength);
	}

	/**
	 * A required value read by {@code parse}; an IllegalArgumentException whose message starts with a quote is the
	 * reason shown, any other gives "'value' is not {@code expected}".
	 */
	<T> T choice(IntakeField field, Function<String, T> parse, String expected) {
		if (!present(field)) {
			error(field, "required, " + expected);
			return null;
		}
		String value = optional(field, 32);
		if (value == null) {
			return null;
		}
		try {
			return parse.apply(value);
		}
		catch (IllegalArgumentException e) {
			error(field, e.getMessage() != null && e.getMessage().startsWith("'") ? e.getMessage()
					: "'" + value + "' is not " + expected);
			return null;
		}
	}

	void error(IntakeField field, String message) {
		errors.add(new InputError(row, csv ? field.csv() : field.json(), message));
	}

	boolean valid() {
		return errors.isEmpty();
	}

	List<InputError> errors() {
		return List.copyOf(errors);
	}

}
