package io.dunning.invoice;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A name as searches compare it: without case or accents, spaces collapsed. "Café Lefèvre" and "cafe  lefevre" have
 * the same key. Stored beside the name, so that every database compares the same way (H2, the zero-setup default,
 * compares case and accents; MySQL's collations don't).
 */
public final class SearchKey {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private SearchKey() {
	}

	public static String of(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
		return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
	}

	/** A LIKE pattern for this text's key anywhere in a key, the text's own wildcards taken literally. */
	static String likeContaining(String text) {
		return "%" + of(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
