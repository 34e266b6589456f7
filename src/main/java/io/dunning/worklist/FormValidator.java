package io.dunning.worklist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunning.invoice.MoneyInput;
import io.dunning.web.BadInputException;
import io.dunning.web.InputError;
import io.dunning.web.TextInput;

/**
 * Checks the data submitted for a task against its form, as the form would in the browser, and names every bad
 * field at once. Fields the form hides are not required and their values are dropped, as form-js drops them. Every
 * answer is bounded even where the form sets no limit, before the engine hears of it: a number fits the amounts'
 * DECIMAL(19,4), a text follows the product's text rule ({@link TextInput}) and holds at most {@link #MAX_TEXT}
 * characters.
 */
final class FormValidator {

	static final int MAX_TEXT = 4000;

	private FormValidator() {
	}

	/** @return the variables to hand to the engine, in form order */
	static Map<String, Object> validate(FormSchema form, JsonNode submitted) {
		if (submitted == null || !submitted.isObject()) {
			throw BadInputException.of("variables", "required, an object with the fields of form " + form.id());
		}
		Map<String, JsonNode> data = new LinkedHashMap<>();
		submitted.properties().forEach(e -> data.put(e.getKey(), e.getValue().isNull() ? null : e.getValue()));
		List<InputError> errors = new ArrayList<>();
		data.keySet().stream()
			.filter(key -> form.field(key).isEmpty())
			.forEach(key -> errors.add(InputError.field(key, "is not a field of form " + form.id())));
		Map<String, Object> variables = new LinkedHashMap<>();
		for (FormField field : form.fields()) {
			if (field.hide().hides(data)) {
				continue;
			}
			JsonNode value = data.get(field.key());
			// form-js submits an emptied input as "", which means no answer, as a missing key does.
			if (value == null || value.isTextual() && value.asText().isEmpty()) {
				if (field.mustBeGiven()) {
					errors.add(InputError.field(field.key(), "required"));
				}
				continue;
			}
			String problem = check(field, value);
			if (problem != null) {
				errors.add(InputError.field(field.key(), problem));
			}
			else {
				variables.put(field.key(), read(value));
			}
		}
		if (!errors.isEmpty()) {
			throw new BadInputException(errors);
		}
		return variables;
	}

	/** @return what is wrong with the value, or null if it fits */
	private static String check(FormField field, JsonNode value) {
		return switch (field.type()) {
			case TEXT -> !value.isTextual() ? "must be text"
					: TextInput.problemWith(value.asText()).orElseGet(() -> length(field, value.asText()));
			case FREE_TEXT -> !value.isTextual() ? "must be text"
					: TextInput.problemWithFreeText(value.asText()).orElseGet(() -> length(field, value.asText()));
			case CHECKBOX -> !value.isBoolean() ? "must be true or false"
					: field.required() && !value.booleanValue() ? "must be ticked (true)" : null;
			case DATE -> !value.isTextual() || !isDate(value.asText()) ? "must be a date such as 2026-01-31" : null;
			case CHOICE -> value.isTextual() && field.values().contains(value.asText()) ? null
					: "must be one of " + String.join(", ", field.values());
			case NUMBER -> !value.isNumber() ? "must be a number"
					: !isFinite(value) || !fits(value.decimalValue()) ? "must be a number with at most "
							+ MoneyInput.INTEGER_DIGITS + " digits before the decimal point and "
							+ MoneyInput.MAX_DECIMALS + " after it"
					: range(field, value.decimalValue());
		};
	}

	private static String length(FormField field, String text) {
		if (field.minLength() != null && text.length() < field.minLength()) {
			return "must have at least " + field.minLength() + " characters";
		}
		int max = field.maxLength() != null ? Math.min(field.maxLength(), MAX_TEXT) : MAX_TEXT;
		if (text.length() > max) {
			return "must have at most " + max + " characters";
		}
		return null;
	}

	private static String range(FormField field, BigDecimal number) {
		Integer digits = field.decimalDigits();
		if (digits != null && Math.max(number.stripTrailingZeros().scale(), 0) > digits) {
			return digits == 0 ? "must be a whole number" : "must have at most " + digits + " decimals";
		}
		boolean tooLow = field.min() != null && number.compareTo(field.min()) < 0;
		boolean tooHigh = field.max() != null && number.compareTo(field.max()) > 0;
		if (tooLow || tooHigh) {
			return field.min() != null && field.max() != null
					? "must be between " + field.min().toPlainString() + " and " + field.max().toPlainString()
					: tooLow ? "must be at least " + field.min().toPlainString()
							: "must be at most " + field.max().toPlainString();
		}
		return null;
	}

	// JSON numbers beyond a double's range (1e400) are read as infinity, which has no decimal value.
	private static boolean isFinite(JsonNode value) {
		return !value.isFloatingPointNumber() || value.isBigDecimal() || Double.isFinite(value.doubleValue());
	}

	// Read from the digits as parsed (1E+400 has precision 1 and scale -400): nothing is expanded to check it.
	private static boolean fits(BigDecimal number) {
		return (long) number.precision() - number.scale() <= MoneyInput.INTEGER_DIGITS
				&& (number.signum() == 0 || number.stripTrailingZeros().scale() <= MoneyInput.MAX_DECIMALS);
	}

	private static boolean isDate(String text) {
		try {
			LocalDate.parse(text);
			return text.length() == 10;
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}

	// Whole numbers go to the engine as integers, so a gateway compares instalmentCount with 3, not 3.0.
	private static Object read(JsonNode value) {
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (value.isNumber()) {
			BigDecimal number = value.decimalValue().stripTrailingZeros();
			return number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
					? number.longValueExact() : number;
		}
		return value.asText();
	}

}
