package io.dunning.worklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A form's texts in the page's language. Labels, descriptions, text blocks and option labels are looked up by
 * {@code form.<formId>.<componentId>.<property>} (an option: {@code .value.<VALUE>}) in i18n/forms*.properties; a text
 * with no key stays as the form file has it. Keys, values and rules are never touched, so the server's validation
 * reads the same form whatever the language.
 */
@Component
class FormTexts {

	private static final List<String> TEXTS = List.of("label", "description", "text", "dateLabel", "timeLabel",
			"placeholder");

	private static final List<String> VALIDATION_RULES = List.of("required", "min", "max", "minLength", "maxLength",
			"notNumber", "integer", "decimals");

	private final MessageSource messages;
	private final ObjectMapper json;

	FormTexts(MessageSource messages, ObjectMapper json) {
		this.messages = messages;
		this.json = json;
	}

	String translate(String formId, String document, Locale locale) {
		try {
			JsonNode form = json.readTree(document);
			translate(formId, form.path("components"), locale);
			return json.writeValueAsString(form);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("unreadable form " + formId, e);
		}
	}

	private void translate(String formId, JsonNode components, Locale locale) {
		for (JsonNode component : components) {
			if (!(component instanceof ObjectNode node) || !node.path("id").isTextual()) {
				continue;
			}
			String prefix = "form." + formId + "." + node.get("id").asText() + ".";
			for (String text : TEXTS) {
				if (node.path(text).isTextual()) {
					node.put(text, message(prefix + text, node.get(text).asText(), locale));
				}
			}
			for (JsonNode option : node.path("values")) {
				if (option instanceof ObjectNode value && value.path("value").isValueNode()) {
					value.put("label", message(prefix + "value." + value.get("value").asText(),
							value.path("label").asText(), locale));
				}
			}
			translate(formId, node.path("components"), locale);
		}
	}

	/**
	 * form-js's own validation messages (it has no translations of its own) in the page's language, by rule; a
	 * placeholder {0} stands for the rule's figure. app.js puts them in place of form-js's English.
	 */
	Map<String, String> validationMessages(Locale locale) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (String rule : VALIDATION_RULES) {
			texts.put(rule, messages.getMessage("form.validation." + rule, new Object[] { "{0}" }, locale));
		}
		return texts;
	}

	private String message(String key, String fallback, Locale locale) {
		return messages.getMessage(key, null, fallback, locale);
	}

}
