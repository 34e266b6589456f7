package io.dunning.worklist;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A form field's {@code conditional.hide} expression. The server evaluates only the few FEEL shapes our forms use;
 * any other expression is refused when the form is loaded, so a form can never be checked more loosely than it is
 * shown.
 */
record HideCondition(Kind kind, String field, String value) {

	static final HideCondition NEVER = new HideCondition(Kind.NEVER, null, null);

	enum Kind {
		NEVER, EQUALS, NOT_EQUALS, NOT, TRUTHY
	}

	private static final Pattern EQUALS = Pattern.compile("=\\s*(\\w+)\\s*=\\s*\"([^\"]*)\"\\s*");
	private static final Pattern NOT_EQUALS = Pattern.compile("=\\s*(\\w+)\\s*!=\\s*\"([^\"]*)\"\\s*");
	private static final Pattern NOT = Pattern.compile("=\\s*not\\(\\s*(\\w+)\\s*\\)\\s*");
	private static final Pattern TRUTHY = Pattern.compile("=\\s*(\\w+)\\s*");

	static HideCondition parse(String expression) {
		if (expression == null || expression.isBlank()) {
			return NEVER;
		}
		String e = expression.strip();
		Matcher m;
		if ((m = NOT_EQUALS.matcher(e)).matches()) {
			return new HideCondition(Kind.NOT_EQUALS, m.group(1), m.group(2));
		}
		if ((m = EQUALS.matcher(e)).matches()) {
			return new HideCondition(Kind.EQUALS, m.group(1), m.group(2));
		}
		if ((m = NOT.matcher(e)).matches()) {
			return new HideCondition(Kind.NOT, m.group(1), null);
		}
		if ((m = TRUTHY.matcher(e)).matches()) {
			return new HideCondition(Kind.TRUTHY, m.group(1), null);
		}
		throw new IllegalArgumentException("unsupported hide expression '" + expression + "': use =field, "
				+ "=not(field), =field = \"VALUE\" or =field != \"VALUE\"");
	}

	/**
	 * Evaluated on the submitted data as FEEL does, with one exception: {@code not(field)} hides unless the field is
	 * true, where FEEL's not(null) would show. form-js always submits a checkbox, so this only matters to API callers,
	 * who then hear "required" once for the unanswered checkbox instead of also for every field behind it.
	 */
	boolean hides(Map<String, JsonNode> data) {
		JsonNode v = field == null ? null : data.get(field);
		boolean text = v != null && v.isTextual();
		return switch (kind) {
			case NEVER -> false;
			case EQUALS -> text && v.asText().equals(value);
			case NOT_EQUALS -> !(text && v.asText().equals(value));
			case NOT -> v == null || !v.isBoolean() || !v.booleanValue();
			case TRUTHY -> v != null && (v.isBoolean() ? v.booleanValue() : text ? !v.asText().isEmpty()
					: v.isNumber() && v.decimalValue().signum() != 0);
		};
	}

}
