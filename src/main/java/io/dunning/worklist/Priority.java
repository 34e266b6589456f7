package io.dunning.worklist;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A task's priority score and the reasons behind it, largest first. The score is the sum of its reasons' points.
 */
record Priority(long score, List<Reason> reasons) {

	/** One reason: a message key, its points and the value it is about (an amount, a number of days, a date). */
	record Reason(String key, long points, Object about) {
	}

	static Priority of(PriorityWeights weights, BigDecimal amount, LocalDate dueDate, LocalDate brokenPromiseOn,
			LocalDate today) {
		List<Reason> reasons = new ArrayList<>();
		long amountPoints = amountPoints(weights, amount);
		if (amountPoints > 0) {
			reasons.add(new Reason("reason.amount", amountPoints, amount.setScale(0, RoundingMode.HALF_UP)));
		}
		long days = dueDate == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(dueDate, today));
		if (days > 0) {
			reasons.add(new Reason("reason.overdue", days * weights.dayOverdue(), days));
		}
		if (brokenPromiseOn != null) {
			reasons.add(new Reason("reason.promise", weights.brokenPromise(), brokenPromiseOn));
		}
		reasons.sort(Comparator.comparingLong(Reason::points).reversed());
		return new Priority(reasons.stream().mapToLong(Reason::points).sum(), List.copyOf(reasons));
	}

	/**
	 * The part of the score that does not change with time. Days overdue grow by one a day for every task alike,
	 * so today's order is the order of {@code base}; the list sorts on it without recomputing anything.
	 */
	static long base(PriorityWeights weights, BigDecimal amount, LocalDate dueDate, LocalDate brokenPromiseOn) {
		long timeless = amountPoints(weights, amount) + (brokenPromiseOn == null ? 0 : weights.brokenPromise());
		return timeless - (dueDate == null ? 0 : weights.dayOverdue() * dueDate.toEpochDay());
	}

	public List<Reason> top(int count) {
		return reasons.subList(0, Math.min(count, reasons.size()));
	}

	private static long amountPoints(PriorityWeights weights, BigDecimal amount) {
		if (amount == null || amount.compareTo(BigDecimal.ONE) <= 0) {
			return 0;
		}
		return Math.round(weights.amount() * Math.log10(amount.doubleValue()));
	}

}
