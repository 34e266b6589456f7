package io.dunning.invoice;

import java.util.regex.Pattern;

/**
 * A company's identification as a letter prints it: a SIREN (9 digits), a SIRET (14 digits), both with their Luhn
 * check, or a VAT number. A French VAT number carries its key, computed from the SIREN; other countries' numbers are
 * checked for their shape only.
 */
final class CompanyIdFormat {

	private static final Pattern SIREN = Pattern.compile("\\d{9}");
	private static final Pattern SIRET = Pattern.compile("\\d{14}");
	private static final Pattern FRENCH_VAT = Pattern.compile("FR([0-9A-HJ-NP-Z]{2})(\\d{9})");
	private static final Pattern OTHER_VAT = Pattern.compile("(?!FR)[A-Z]{2}[0-9A-Z+*]{2,12}");
	// La Poste's establishments have SIRETs that fail Luhn; INSEE checks them by the sum of their digits instead.
	private static final String LA_POSTE_SIREN = "356000000";

	private CompanyIdFormat() {
	}

	/**
	 * The identification without spaces, dots or dashes, in upper case.
	 *
	 * @throws IllegalArgumentException saying why, when it is not a valid SIREN, SIRET or VAT number
	 */
	static String normalised(String value) {
		String id = value.replaceAll("[\\s.-]", "").toUpperCase(java.util.Locale.ROOT);
		if (SIREN.matcher(id).matches()) {
			require(luhn(id), "SIREN", value);
		}
		else if (SIRET.matcher(id).matches()) {
			require(id.startsWith(LA_POSTE_SIREN) ? digitSum(id) % 5 == 0 : luhn(id), "SIRET", value);
		}
		else if (id.startsWith("FR")) {
			var vat = FRENCH_VAT.matcher(id);
			if (!vat.matches()) {
				throw new IllegalArgumentException("'" + value + "' is not a French VAT number such as FR40303265045");
			}
			String siren = vat.group(2);
			require(luhn(siren), "SIREN inside the VAT number", value);
			String key = vat.group(1);
			if (key.chars().allMatch(Character::isDigit)) {
				long expected = (12 + 3 * (Long.parseLong(siren) % 97)) % 97;
				require(Integer.parseInt(key) == expected, "VAT key", value);
			}
		}
		else if (!OTHER_VAT.matcher(id).matches()) {
			throw new IllegalArgumentException(
					"'" + value + "' is not a SIREN (9 digits), a SIRET (14 digits) or a VAT number such as FR40303265045");
		}
		return id;
	}

	private static void require(boolean valid, String what, String value) {
		if (!valid) {
			throw new IllegalArgumentException("'" + value + "': the " + what + " check digit is wrong");
		}
	}

	private static boolean luhn(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

	private static int digitSum(String digits) {
		return digits.chars().map(c -> c - '0').sum();
	}

}
