package io.dunning.worklist;

import io.dunning.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The forms of forms/ as JSON, for form-js to render on the task page. */
@Controller
class FormDocuments {

	private final Forms forms;

	FormDocuments(Forms forms) {
		this.forms = forms;
	}

	@GetMapping("/forms/{formId}")
	ResponseEntity<String> form(@PathVariable String formId) {
		try {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(forms.document(formId));
		}
		catch (IllegalStateException e) {
			throw new NotFoundException("No form " + formId + ".");
		}
	}

}
