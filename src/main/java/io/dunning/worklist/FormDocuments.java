package io.dunning.worklist;

import java.util.Locale;

import io.dunning.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The forms of forms/ as JSON, in the page's language, for form-js to render on the task page. */
@Controller
class FormDocuments {

	private final Forms forms;
	private final FormTexts texts;

	FormDocuments(Forms forms, FormTexts texts) {
		this.forms = forms;
		this.texts = texts;
	}

	@GetMapping("/forms/{formId}")
	ResponseEntity<String> form(@PathVariable String formId, Locale locale) {
		try {
			String document = texts.translate(formId, forms.document(formId), locale);
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.COOKIE)
				.body(document);
		}
		catch (IllegalStateException e) {
			throw new NotFoundException("No form " + formId + ".");
		}
	}

}
