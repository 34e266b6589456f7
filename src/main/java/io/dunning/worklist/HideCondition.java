package io.dunning.worklist;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * A form field's {@code conditional.hide} expression, evaluated by Camunda's FEEL engine on the submitted data, so
 * that any expression a manager writes in the form editor hides on the server exactly what form-js hides in the
 * browser. As in form-js, a field is hidden only when the expression yields {@code true}; null, false, any other
 * value, or an evaluation failure (a missing function, a type mismatch) shows it.
 */
record HideCondition(String expression, ParsedExpression parsed) {

	static final HideCondition NEVER = new HideCondition(null, null);

	// The engine holds no state between evaluations, so one instance serves every form and thread.
	private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

	/** Parses once when the form is read: an expression FEEL cannot parse refuses the whole form. */
	static HideCondition parse(String expression) {
		if (expression == null || expression.isBlank()) {
			return NEVER;
		}
		String feel = expression.strip();
		// form-js marks an expression with a leading '='; without it the value is a constant, never a condition.
		if (!feel.startsWith("=")) {
			return NEVER;
		}
		ParseResult result = FEEL.parseExpression(feel.substring(1));
		if (result.isFailure()) {
			throw new IllegalArgumentException("hide expression '" + expression + "' is not valid FEEL: "
					+ result.failure().message());
		}
		return new HideCondition(expression, result.parsedExpression());
	}

	boolean hides(Map<String, JsonNode> data) {
		if (parsed == null) {
			return false;
		}
		EvaluationResult result = FEEL.evaluate(parsed, variables(data));
		return result.isSuccess() && Boolean.TRUE.equals(result.result());
	}

	private static Map<String, Object> variables(Map<String, JsonNode> data) {
		Map<String, Object> variables = new HashMap<>();
		data.forEach((key, value) -> variables.put(key, value(value)));
		return variables;
	}

	private static Object value(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isNumber()) {
			// Beyond a double's range (1e400) JSON reads infinity, which no FEEL number holds: treat it as absent.
			return node.isFloatingPointNumber() && !node.isBigDecimal() && !Double.isFinite(node.doubleValue())
					? null : node.decimalValue();
		}
		if (node.isTextual()) {
			return node.asText();
		}
		if (node.isArray()) {
			return node.valueStream().map(HideCondition::value).toList();
		}
		Map<String, Object> context = new HashMap<>();
		node.properties().forEach(e -> context.put(e.getKey(), value(e.getValue())));
		return context;
	}

}
