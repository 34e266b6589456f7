package io.dunning.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Money as the page's language writes it ("1 250,00 €" in French, "€1,250.00" in English), the same as the browser's
 * Intl.NumberFormat writes the ticked total, so an amount reads alike wherever it is shown. Templates call it as
 * {@code @amounts.format(amount, currency)}.
 */
@Component("amounts")
public class Amounts {

	public String format(BigDecimal amount, String currency) {
		if (amount == null) {
			return "";
		}
		Locale locale = LocaleContextHolder.getLocale();
		if (currency == null || currency.isBlank()) {
			NumberFormat number = NumberFormat.getNumberInstance(locale);
			number.setMinimumFractionDigits(2);
			number.setMaximumFractionDigits(2);
			return number.format(amount);
		}
		NumberFormat money = NumberFormat.getCurrencyInstance(locale);
		Currency unit = Currency.getInstance(currency);
		money.setCurrency(unit);
		money.setMinimumFractionDigits(unit.getDefaultFractionDigits());
		money.setMaximumFractionDigits(unit.getDefaultFractionDigits());
		return money.format(amount);
	}

}
