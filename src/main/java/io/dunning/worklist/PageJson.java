package io.dunning.worklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Values handed to a page's scripts as JSON, in data attributes (no inline script). */
final class PageJson {

	private PageJson() {
	}

	static String write(ObjectMapper json, Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

}
