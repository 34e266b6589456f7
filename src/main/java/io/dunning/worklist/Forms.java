package io.dunning.worklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The forms in {@code forms/}, which the build copies to the classpath, read once each by form id. */
@Component
class Forms {

	// The id comes from a diagram header: keep it from naming any other classpath resource.
	private static final Pattern FORM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

	private final ObjectMapper json;

	private final Map<String, FormSchema> read = new ConcurrentHashMap<>();

	Forms(ObjectMapper json) {
		this.json = json;
	}

	/** The form as form-js reads it, for the browser. */
	String document(String formId) {
		get(formId);
		try (InputStream in = new ClassPathResource("forms/" + formId + ".form").getInputStream()) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("unreadable form " + formId, e);
		}
	}

	FormSchema get(String formId) {
		return read.computeIfAbsent(formId, this::load);
	}

	private FormSchema load(String formId) {
		ClassPathResource resource = new ClassPathResource("forms/" + formId + ".form");
		if (!FORM_ID.matcher(formId).matches() || !resource.exists()) {
			throw new IllegalStateException("No form '" + formId + "' in forms/: the diagram names a form that "
					+ "was not shipped with this build.");
		}
		try (InputStream in = resource.getInputStream()) {
			FormSchema form = FormSchema.read(json.readTree(in));
			if (!form.id().equals(formId)) {
				throw new IllegalStateException("forms/" + formId + ".form declares id '" + form.id() + "'");
			}
			return form;
		}
		catch (IOException e) {
			throw new UncheckedIOException("unreadable form " + formId, e);
		}
	}

}
