package io.dunning.channel;

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
