package io.dunning.escalation.notice;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.dunning.channel.NoticeLetter.RatePeriod;
import io.dunning.escalation.DunningProperties.DatedRate;

/**
 * French late-payment interest between businesses (art. L441-10 Code de commerce): the ECB refinancing rate plus 10
 * points, per year, counted pro rata from the day after the due date. Each half-year has its own rate: the ECB rate in
 * force on 1 January or 1 July.
 */
public final class LateInterest {

	static final BigDecimal PENALTY_POINTS = BigDecimal.TEN;

	private LateInterest() {
	}

	static BigDecimal annualRate(BigDecimal ecbRate) {
		return ecbRate.add(PENALTY_POINTS);
	}

	/** The days from the day after the due date to {@code on}, both included, cut at each half-year. */
	static List<RatePeriod> periods(List<DatedRate> ecbRates, LocalDate dueDate, LocalDate on) {
		List<RatePeriod> periods = new ArrayList<>();
		LocalDate from = dueDate.plusDays(1);
		while (!from.isAfter(on)) {
			LocalDate halfYear = LocalDate.of(from.getYear(), from.getMonthValue() <= 6 ? 1 : 7, 1);
			LocalDate next = halfYear.plusMonths(6);
			LocalDate to = next.isAfter(on) ? on : next.minusDays(1);
			BigDecimal rate = annualRate(Rates.on(ecbRates, halfYear, "ECB refinancing rate"));
			periods.add(new RatePeriod(from, to, rate, ChronoUnit.DAYS.between(from, to) + 1));
			from = next;
		}
		return periods;
	}

	/** Interest on the principal over the periods, rounded once, to the currency's scale. */
	static BigDecimal on(BigDecimal principal, List<RatePeriod> periods, int scale) {
		BigDecimal percentDays = periods.stream()
			.map(p -> p.annualRatePercent().multiply(BigDecimal.valueOf(p.days())))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return principal.multiply(percentDays)
			.divide(BigDecimal.valueOf(36500), MathContext.DECIMAL64)
			.setScale(scale, RoundingMode.HALF_EVEN);
	}

}
