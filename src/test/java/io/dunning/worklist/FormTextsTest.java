package io.dunning.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every text of every form has its English and its French, and translating changes texts only. */
class FormTextsTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final List<String> TEXTS = List.of("label", "description", "text", "dateLabel", "timeLabel",
			"placeholder");

	@Test
	void everyTextOfEveryFormHasItsEnglishAndFrench() throws IOException {
		Properties english = bundle("i18n/forms.properties");
		Properties french = bundle("i18n/forms_fr.properties");
		List<String> keys = new ArrayList<>();
		try (Stream<Path> forms = Files.list(Path.of("forms"))) {
			for (Path file : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
				JsonNode form = JSON.readTree(file.toFile());
				keys(form.get("id").asText(), form.get("components"), keys);
			}
		}
		assertThat(keys).isNotEmpty();
		assertThat(keys).allSatisfy(key -> {
			assertThat(english).as("English").containsKey(key);
			assertThat(french).as("French").containsKey(key);
		});
	}

	@Test
	void translatingChangesTheTextsAndNothingElse() throws IOException {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/forms");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		FormTexts texts = new FormTexts(messages, JSON);
		String original = Files.readString(Path.of("forms/payment-plan.form"));

		JsonNode english = JSON.readTree(texts.translate("payment-plan", original, Locale.ENGLISH));
		JsonNode french = JSON.readTree(texts.translate("payment-plan", original, Locale.FRENCH));

		assertThat(english.at("/components/1/label").asText()).isEqualTo("Payment plan accepted by the customer");
		assertThat(french).isEqualTo(JSON.readTree(original));
		assertThat(withoutTexts(english)).isEqualTo(withoutTexts(JSON.readTree(original)));
	}

	private static JsonNode withoutTexts(JsonNode form) {
		JsonNode copy = form.deepCopy();
		strip(copy.get("components"));
		return copy;
	}

	private static void strip(JsonNode components) {
		for (JsonNode c : components) {
			((com.fasterxml.jackson.databind.node.ObjectNode) c).remove(TEXTS);
			c.path("values").forEach(v -> ((com.fasterxml.jackson.databind.node.ObjectNode) v).remove("label"));
			strip(c.path("components"));
		}
	}

	private static void keys(String formId, JsonNode components, List<String> keys) {
		for (JsonNode c : components) {
			String prefix = "form." + formId + "." + c.path("id").asText() + ".";
			for (String text : TEXTS) {
				if (c.path(text).isTextual()) {
					keys.add(prefix + text);
				}
			}
			c.path("values").forEach(v -> keys.add(prefix + "value." + v.get("value").asText()));
			keys(formId, c.path("components"), keys);
		}
	}

	private static Properties bundle(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = FormTextsTest.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
