package io.dunning.worklist;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** The fields of a Camunda form-js form that a task's submitted data must fit. */
record FormSchema(String id, List<FormField> fields) {

	private static final Map<String, FormField.Type> TYPES = Map.of("textfield", FormField.Type.TEXT, "textarea",
			FormField.Type.FREE_TEXT, "number", FormField.Type.NUMBER, "checkbox", FormField.Type.CHECKBOX, "select",
			FormField.Type.CHOICE, "radio", FormField.Type.CHOICE);

	Optional<FormField> field(String key) {
		return fields.stream().filter(f -> f.key().equals(key)).findFirst();
	}

	/** Reads a form-js document; refuses what the server could not check as the browser would. */
	static FormSchema read(JsonNode form) {
		String id = form.path("id").asText("");
		if (id.isBlank()) {
			throw new IllegalArgumentException("a form needs a top-level id");
		}
		List<FormField> fields = new ArrayList<>();
		collect(id, form.path("components"), fields);
		return new FormSchema(id, List.copyOf(fields));
	}

	// Groups are visual only: their fields write top-level keys, so they are read as if they were not there.
	private static void collect(String formId, JsonNode components, List<FormField> into) {
		for (JsonNode component : components) {
			if (component.has("key")) {
				into.add(field(formId, component));
			}
			collect(formId, component.path("components"), into);
		}
	}

	private static FormField field(String formId, JsonNode c) {
		String key = c.path("key").asText();
		String type = c.path("type").asText();
		FormField.Type kind = "datetime".equals(type) && "date".equals(c.path("subtype").asText())
				? FormField.Type.DATE : TYPES.get(type);
		if (kind == null) {
			throw new IllegalArgumentException(
					"form " + formId + ", field " + key + ": type " + type + " is not supported by the server");
		}
		List<String> values = new ArrayList<>();
		c.path("values").forEach(v -> values.add(v.path("value").asText()));
		if (kind == FormField.Type.CHOICE && values.isEmpty()) {
			throw new IllegalArgumentException("form " + formId + ", field " + key + ": only static values are supported");
		}
		JsonNode validate = c.path("validate");
		return new FormField(key, kind, validate.path("required").asBoolean(false), decimal(validate, "min"),
				decimal(validate, "max"), integer(c, "decimalDigits"), integer(validate, "minLength"),
				integer(validate, "maxLength"), List.copyOf(values),
				HideCondition.parse(c.path("conditional").path("hide").asText(null)));
	}

	private static BigDecimal decimal(JsonNode node, String name) {
		return node.path(name).isNumber() ? node.path(name).decimalValue() : null;
	}

	private static Integer integer(JsonNode node, String name) {
		return node.path(name).isNumber() ? node.path(name).intValue() : null;
	}

}
