package io.dunning.invoice;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The characters an invoice number may hold. The number is a path segment of the API and of the case views, so
 * {@code /}, spaces and the like are refused rather than escaped everywhere.
 */
public final class InvoiceNumberFormat {

	public static final int MAX_LENGTH = 64;

	private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

	private InvoiceNumberFormat() {
	}

	/** Why the value is not an invoice number, or empty if it is one. */
	public static Optional<String> problemWith(String number) {
		if (number.length() > MAX_LENGTH) {
			return Optional.of("longer than " + MAX_LENGTH + " characters");
		}
		if (!ALLOWED.matcher(number).matches()) {
			return Optional.of("only letters, digits and . _ - are allowed, starting with a letter or a digit");
		}
		return Optional.empty();
	}

}
