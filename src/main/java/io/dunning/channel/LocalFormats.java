package io.dunning.channel;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts and dates as a customer reads them: "1 250,00 €" and "15 novembre 2026" in French, "€1,250.00" and
 * "15 November 2026" in English. Only French and English texts exist, so any other language reads English.
 */
record LocalFormats(Locale locale, Currency currency) {

	static LocalFormats of(Locale customerLocale, Currency currency) {
		return new LocalFormats(isFrench(customerLocale) ? Locale.FRANCE : Locale.UK, currency);
	}

	static boolean isFrench(Locale locale) {
		return locale != null && "fr".equals(locale.getLanguage());
	}

	String language() {
		return locale.getLanguage();
	}

	String money(BigDecimal amount) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(currency);
		format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
		format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
		return format.format(amount);
	}

	String date(LocalDate date) {
		// A fixed pattern, because the UK's and the US's "long" styles differ and a letter wants the day first.
		// French writes the first of the month as an ordinal: "1er octobre 2026".
		String pattern = isFrench(locale) && date.getDayOfMonth() == 1 ? "d'er' MMMM uuuu" : "d MMMM uuuu";
		return DateTimeFormatter.ofPattern(pattern, locale).format(date);
	}

	String percent(BigDecimal rate) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(2);
		format.setMaximumFractionDigits(2);
		return format.format(rate) + (isFrench(locale) ? "\u00a0%" : "%");
	}

}
