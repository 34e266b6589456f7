package io.dunning.escalation.rates;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A half-year, written {@code 2026-S1} (January to June) or {@code 2026-S2} (July to December): the period for which
 * the ECB rate and the taux de l'intérêt légal are fixed.
 */
public record HalfYear(int year, int half) implements Comparable<HalfYear> {

	private static final Pattern TEXT = Pattern.compile("(\\d{4})-S([12])");

	public HalfYear {
		if (half != 1 && half != 2) {
			throw new IllegalArgumentException("a year has half-years 1 and 2, not " + half);
		}
	}

	public static HalfYear of(LocalDate day) {
		return new HalfYear(day.getYear(), day.getMonthValue() <= 6 ? 1 : 2);
	}

	/** The half-year written as {@code 2026-S1} (case and surrounding spaces aside), or empty for any other text. */
	public static Optional<HalfYear> parse(String text) {
		Matcher matcher = TEXT.matcher(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
		return matcher.matches()
				? Optional.of(new HalfYear(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))))
				: Optional.empty();
	}

	public LocalDate start() {
		return LocalDate.of(year, half == 1 ? 1 : 7, 1);
	}

	public LocalDate end() {
		return next().start().minusDays(1);
	}

	public HalfYear next() {
		return half == 1 ? new HalfYear(year, 2) : new HalfYear(year + 1, 1);
	}

	@Override
	public int compareTo(HalfYear other) {
		return start().compareTo(other.start());
	}

	@Override
	@JsonValue
	public String toString() {
		return year + "-S" + half;
	}

}
