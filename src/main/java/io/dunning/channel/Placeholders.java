package io.dunning.channel;

import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{name}}} and {@code {{name|format}}} placeholders, and keeps a {@code {{#name}}...{{/name}}}
 * section only when the value is present; sections may nest. A missing value is an error: a customer must never read "{{x}}".
 */
final class Placeholders {

	private static final Pattern SECTION = Pattern.compile("\\{\\{#(\\w+)}}(.*?)\\{\\{/\\1}}", Pattern.DOTALL);

	private static final Pattern VALUE = Pattern.compile("\\{\\{(\\w+)(?:\\|(\\w+))?}}");

	private static final Pattern LEFTOVER = Pattern.compile("\\{\\{|}}");

	private Placeholders() {
	}

	/**
	 * @param values the value of a name, or null when it has none
	 * @param format applies a format name (such as {@code date}) to a raw value
	 */
	static String fill(String source, String text, Function<String, String> values,
			BinaryOperator<String> format) {
		String sectioned = text;
		// Again until nothing changes: a section kept whole may hold another one.
		for (String previous = null; !sectioned.equals(previous);) {
			previous = sectioned;
			sectioned = SECTION.matcher(previous)
				.replaceAll(m -> Matcher.quoteReplacement(values.apply(m.group(1)) == null ? "" : m.group(2)));
		}
		if (LEFTOVER.matcher(VALUE.matcher(sectioned).replaceAll("")).find()) {
			throw new IllegalArgumentException(source + " has a malformed placeholder");
		}
		return VALUE.matcher(sectioned).replaceAll(m -> {
			String value = values.apply(m.group(1));
			if (value == null) {
				throw new IllegalArgumentException(source + " needs a value for {{" + m.group(1) + "}}");
			}
			return Matcher.quoteReplacement(m.group(2) == null ? value : format.apply(m.group(2), value));
		});
	}

}
