package io.dunning.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One bad field. {@code row} is the 1-based data row of a batch (header not counted), or null for a single object. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InputError(Integer row, String field, String message) {

	public static InputError field(String field, String message) {
		return new InputError(null, field, message);
	}

}
