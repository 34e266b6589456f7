package io.dunning.web;

import java.util.Optional;

/**
 * The one rule every text the product takes shares, from the API, a CSV or a page's form. Control characters (NUL, a
 * vertical tab from an Excel cell...), bidirectional overrides and isolates (which make "fdp.exe" read as "exe.pdf" on
 * a letter), lone halves of a surrogate pair, and text with nothing visible in it (only zero-width or no-break spaces)
 * are refused, never stripped: the sender learns which field holds one, and nothing is stored changed behind its back.
 * Free text (a note, a comment) may hold line breaks and tabs; a name or a reference may not.
 */
public final class TextInput {

	private TextInput() {
	}

	/** Why the value cannot be accepted as a one-line text, or empty if it can. */
	public static Optional<String> problemWith(String value) {
		return problemWith(value, false);
	}

	/** Why the value cannot be accepted as free text (line breaks and tabs allowed), or empty if it can. */
	public static Optional<String> problemWithFreeText(String value) {
		return problemWith(value, true);
	}

	private static Optional<String> problemWith(String value, boolean freeText) {
		boolean visible = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c) && !(freeText && (c == '\n' || c == '\r' || c == '\t'))) {
				return at("a control character", c, i);
			}
			if (isBidiControl(c)) {
				return at("a bidirectional control character", c, i);
			}
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				visible = true;
				i++;
				continue;
			}
			if (Character.isSurrogate(c)) {
				return at("half of a surrogate pair", c, i);
			}
			visible |= !Character.isWhitespace(c) && !Character.isSpaceChar(c)
					&& Character.getType(c) != Character.FORMAT;
		}
		if (!value.isEmpty() && !visible) {
			return Optional.of("has no visible character (only spaces or invisible characters)");
		}
		return Optional.empty();
	}

	// Embeddings and overrides (U+202A..U+202E), isolates (U+2066..U+2069), and the Arabic letter mark.
	private static boolean isBidiControl(char c) {
		return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u061C';
	}

	private static Optional<String> at(String what, char c, int index) {
		return Optional.of(String.format("contains %s (U+%04X) at position %d; remove it", what, (int) c, index + 1));
	}

}
