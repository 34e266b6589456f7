package io.dunning.escalation.notice;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunning.channel.NoticeLetter;
import org.springframework.stereotype.Component;

/**
 * A notice's terms (parties, invoices, interest, totals, deadline) as stored beside its PDF: the history, the email
 * and the dossier read them back from there, never from a new calculation.
 */
@Component
class StoredTerms {

	private static final TypeReference<Map<String, Object>> TERMS = new TypeReference<>() {
	};

	private final ObjectMapper json;

	StoredTerms(ObjectMapper json) {
		this.json = json;
	}

	String write(NoticeLetter letter) {
		try {
			return json.writeValueAsString(letter);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	Map<String, Object> read(String terms) {
		try {
			return json.readValue(terms, TERMS);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("unreadable notice terms", e);
		}
	}

}
