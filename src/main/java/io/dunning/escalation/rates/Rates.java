package io.dunning.escalation.rates;

import java.math.BigDecimal;

/** The rate of one table for one half-year, in percent per year. */
@FunctionalInterface
public interface Rates {

	/** @throws MissingRateException when the table has no row for that half-year: no other rate stands in for it */
	BigDecimal of(RateKind kind, HalfYear halfYear);

}
