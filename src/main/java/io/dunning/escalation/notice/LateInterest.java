package io.dunning.escalation.notice;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * French late-payment interest (art. L441-10 Code de commerce): the ECB refinancing rate plus 10 points, per year,
 * counted pro rata from the day after the due date.
 */
public final class LateInterest {

	static final BigDecimal PENALTY_POINTS = BigDecimal.TEN;

	private LateInterest() {
	}

	static BigDecimal annualRate(BigDecimal ecbRate) {
		return ecbRate.add(PENALTY_POINTS);
	}

	static long daysLate(LocalDate dueDate, LocalDate on) {
		return Math.max(0, ChronoUnit.DAYS.between(dueDate, on));
	}

	static BigDecimal on(BigDecimal principal, BigDecimal annualRatePercent, long daysLate, int scale) {
		return principal.multiply(annualRatePercent)
			.multiply(BigDecimal.valueOf(daysLate))
			.divide(BigDecimal.valueOf(36500), MathContext.DECIMAL64)
			.setScale(scale, RoundingMode.HALF_EVEN);
	}

}
