package io.dunning.invoice;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads amounts and currencies sent from outside. Amounts are bounded by their text and their precision before any
 * arithmetic: {@code 1e30000000} is a short text, and scaling it would cost seconds of CPU.
 */
public final class MoneyInput {

	/** Amounts are stored as DECIMAL(19,4). */
	public static final int INTEGER_DIGITS = 15;
	public static final int MAX_DECIMALS = 4;

	private static final int MAX_TEXT = 40;
	private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,10})?");

	/**
	 * Codes the JDK still knows but ISO 4217 has withdrawn (its list of historic denominations): no invoice is issued
	 * in francs, pesetas or kunas any more, and a letter must not claim a sum in them.
	 */
	private static final Set<String> WITHDRAWN = Set.of("ADP", "AFA", "ATS", "AYM", "AZM", "BEF", "BGL", "BYB", "BYR",
			"CSD", "CUC", "CYP", "DEM", "EEK", "ESP", "FIM", "FRF", "GHC", "GRD", "GWP", "HRK", "IEP", "ITL", "LTL", "LUF",
			"LVL", "MGF", "MRO", "MTL", "MZM", "NLG", "PTE", "ROL", "RUR", "SDD", "SIT", "SKK", "SLL", "SRG", "STD", "TMM",
			"TPE", "TRL", "VEB", "VEF", "YUM", "ZMK", "ZWD", "ZWL", "ZWN", "ZWR");

	private MoneyInput() {
	}

	/**
	 * An ISO 4217 currency with defined minor units. Placeholders and metals (XXX, XTS, XAU, XDR...) have none.
	 *
	 * @throws IllegalArgumentException saying why, when it is not one
	 */
	public static Currency currency(String code) {
		Currency currency;
		try {
			currency = Currency.getInstance(code);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("'" + shortened(code) + "' is not an ISO 4217 code such as EUR");
		}
		if (WITHDRAWN.contains(currency.getCurrencyCode())) {
			throw new IllegalArgumentException("'" + code + "' is a withdrawn currency; use a code in use such as EUR");
		}
		if (currency.getDefaultFractionDigits() < 0 || currency.getDefaultFractionDigits() > MAX_DECIMALS) {
			throw new IllegalArgumentException(
					"'" + code + "' has no minor unit and is not a currency an invoice can be in; use a code such as EUR");
		}
		return currency;
	}

	/**
	 * A decimal amount within DECIMAL(19,4) and with no more decimals than the currency allows (at most 4 when the
	 * currency is unknown).
	 *
	 * @throws IllegalArgumentException saying why, when it is not one
	 */
	public static BigDecimal amount(String text, Currency currency) {
		String value = text.strip();
		if (value.length() > MAX_TEXT || !DECIMAL.matcher(value).matches()) {
			throw new IllegalArgumentException("'" + shortened(value) + "' is not a decimal number such as 1250.00");
		}
		BigDecimal amount;
		try {
			amount = new BigDecimal(value);
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("'" + value + "' is out of range");
		}
		// precision() and scale() are read from the unscaled value as parsed: no digits are expanded here.
		if ((long) amount.precision() - amount.scale() > INTEGER_DIGITS) {
			throw new IllegalArgumentException("is too large: at most " + INTEGER_DIGITS + " digits before the decimal point");
		}
		int decimals = currency == null ? MAX_DECIMALS : currency.getDefaultFractionDigits();
		if (amount.signum() != 0 && amount.stripTrailingZeros().scale() > decimals) {
			throw new IllegalArgumentException(currency == null ? "has more than " + decimals + " decimals"
					: "has more decimals than " + currency.getCurrencyCode() + " allows (" + decimals + ")");
		}
		return amount.signum() == 0 ? BigDecimal.ZERO : amount;
	}

	private static String shortened(String value) {
		return value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT) + "...";
	}

}
