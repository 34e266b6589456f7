package io.dunning.channel;

import java.text.Normalizer;

/**
 * How many SMS a text takes, counted as the network counts it. A text made only of GSM 03.38 characters travels in
 * 7-bit GSM (160 per SMS, 153 per part of a longer one; the extension characters such as € count twice). A single
 * other character, such as the narrow no-break space of a French amount, turns the whole text into UCS-2: 70 UTF-16
 * units per SMS, 67 per part.
 */
record SmsSegments(boolean gsm7, int units, int segments) {

	/** The texts our templates may send: no more than this many SMS each. */
	static final int MAX = 2;

	private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

	/**
	 * The text as it is best sent by SMS: a character GSM 03.38 lacks becomes its nearest GSM one where there is one
	 * (the no-break spaces of a French amount, the û of "août", a typographic apostrophe), as a single such character
	 * would turn the whole text into UCS-2 and halve what each SMS carries. Others stay, and are counted as UCS-2.
	 */
	static String toGsm(String text) {
		StringBuilder gsm = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (isGsm(c)) {
				gsm.append(c);
			}
			else if (Character.isSpaceChar(c)) {
				gsm.append(' ');
			}
			else if (c == '\u2018' || c == '\u2019') {
				gsm.append('\'');
			}
			else if (c == '\u201c' || c == '\u201d' || c == '\u00ab' || c == '\u00bb') {
				gsm.append('"');
			}
			else if (c == '\u2013' || c == '\u2014') {
				gsm.append('-');
			}
			else {
				String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).substring(0, 1);
				gsm.append(isGsm(base.charAt(0)) ? base.charAt(0) : c);
			}
		}
		return gsm.toString();
	}

	private static boolean isGsm(char c) {
		return GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0;
	}

	static SmsSegments of(String text) {
		int septets = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (GSM_BASIC.indexOf(c) >= 0) {
				septets += 1;
			}
			else if (GSM_EXTENSION.indexOf(c) >= 0) {
				septets += 2;
			}
			else {
				int units = text.length();
				return new SmsSegments(false, units, units <= 70 ? 1 : (units + 66) / 67);
			}
		}
		return new SmsSegments(true, septets, septets <= 160 ? 1 : (septets + 152) / 153);
	}

}
