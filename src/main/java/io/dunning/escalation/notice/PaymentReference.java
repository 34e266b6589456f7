package io.dunning.escalation.notice;

import java.math.BigInteger;
import java.util.Locale;

/**
 * An ISO 11649 structured creditor reference ("RF" + check digits + the invoice number), so a bank transfer
 * carries a reference the matching can trust.
 */
public final class PaymentReference {

	private PaymentReference() {
	}

	public static String of(String invoiceNumber) {
		String body = invoiceNumber.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
		if (body.length() > 21) {
			body = body.substring(body.length() - 21);
		}
		BigInteger number = new BigInteger(numeric(body + "RF00"));
		int check = 98 - number.mod(BigInteger.valueOf(97)).intValue();
		return "RF" + (check < 10 ? "0" : "") + check + body;
	}

	private static String numeric(String text) {
		StringBuilder digits = new StringBuilder();
		for (char c : text.toCharArray()) {
			digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
		}
		return digits.toString();
	}

}
