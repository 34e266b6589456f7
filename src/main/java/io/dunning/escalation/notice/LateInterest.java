package io.dunning.escalation.notice;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.dunning.channel.NoticeLetter.RatePeriod;
import io.dunning.escalation.rates.HalfYear;
import io.dunning.escalation.rates.RateKind;
import io.dunning.escalation.rates.Rates;

/**
 * Interest on a late payment, per year, counted pro rata from the day after the due date, on the ECB main refinancing
 * rate in force on 1 January or 1 July. Between businesses (art. L441-10 Code de commerce) each half-year's days bear
 * that half-year's rate plus 10 points; a public buyer (art. R2192-31 Code de la commande publique) owes the rate of
 * the half-year in which interest began to run, plus 8 points, for the whole time.
 */
public final class LateInterest {

	static final BigDecimal COMMERCIAL_POINTS = BigDecimal.TEN;
	static final BigDecimal PUBLIC_PROCUREMENT_POINTS = BigDecimal.valueOf(8);

	private LateInterest() {
	}

	static BigDecimal commercialRate(Rates rates, HalfYear halfYear) {
		return rates.of(RateKind.ECB, halfYear).add(COMMERCIAL_POINTS);
	}

	/** Fixed when interest begins to run, the day after the due date. */
	static BigDecimal publicProcurementRate(Rates rates, LocalDate dueDate) {
		return rates.of(RateKind.ECB, HalfYear.of(dueDate.plusDays(1))).add(PUBLIC_PROCUREMENT_POINTS);
	}

	/** The days from the day after the due date to {@code on}, both included, cut at each half-year. */
	static List<RatePeriod> commercial(Rates rates, LocalDate dueDate, LocalDate on) {
		List<RatePeriod> periods = new ArrayList<>();
		LocalDate from = dueDate.plusDays(1);
		while (!from.isAfter(on)) {
			HalfYear halfYear = HalfYear.of(from);
			LocalDate to = halfYear.end().isAfter(on) ? on : halfYear.end();
			periods.add(period(from, to, commercialRate(rates, halfYear)));
			from = to.plusDays(1);
		}
		return periods;
	}

	/** The days from the day after the due date to {@code on}, both included, at one rate. */
	static List<RatePeriod> publicProcurement(Rates rates, LocalDate dueDate, LocalDate on) {
		LocalDate from = dueDate.plusDays(1);
		return from.isAfter(on) ? List.of() : List.of(period(from, on, publicProcurementRate(rates, dueDate)));
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

	private static RatePeriod period(LocalDate from, LocalDate to, BigDecimal rate) {
		return new RatePeriod(from, to, rate, ChronoUnit.DAYS.between(from, to) + 1);
	}

}
