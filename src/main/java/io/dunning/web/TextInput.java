package io.dunning.web;

import java.util.Optional;

/**
 * Rules every text field of the API shares. Control characters (NUL, a vertical tab from an Excel cell, a line
 * break...) are refused, never stripped: the sender learns which field holds one, and nothing is stored changed
 * behind its back.
 */
public final class TextInput {

	private TextInput() {
	}

	/** Why the value cannot be accepted as text, or empty if it can. */
	public static Optional<String> problemWith(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c)) {
				return Optional.of(String.format("contains a control character (U+%04X) at position %d; remove it", (int) c,
						i + 1));
			}
		}
		return Optional.empty();
	}

}
