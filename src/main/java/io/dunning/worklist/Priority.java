package io.dunning.worklist;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A task's priority score and the reasons behind it, largest first. The score is the sum of its reasons' points.
 */
record Priority(long score, List<Reason> reasons) {

	/** The customer's other invoices count up to this many each: a long history does not drown every other reason. */
	static final int HISTORY_CAP = 5;

	private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");

	/** One reason: a message key, its points and the value it is about (an amount, a number of days, a date). */
	record Reason(String key, long points, Object about) {
	}

	/** @param slaPassedOn the day the task's SLA passed, or null while it runs (or for a task with none) */
	static Priority of(PriorityWeights weights, BigDecimal amount, LocalDate dueDate, LocalDate brokenPromiseOn,
			PaymentHistory history, LocalDate slaPassedOn, LocalDate today) {
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
		if (slaPassedOn != null) {
			reasons.add(new Reason("reason.sla", weights.slaPassed(), DAY_MONTH.format(slaPassedOn)));
		}
		if (history.lateInvoices() > 0) {
			reasons.add(new Reason("reason.late-invoices", latePoints(weights, history), history.lateInvoices()));
		}
		if (history.brokenPromises() > 0) {
			reasons.add(new Reason("reason.past-promises", promisePoints(weights, history), history.brokenPromises()));
		}
		reasons.sort(Comparator.comparingLong(Reason::points).reversed());
		return new Priority(reasons.stream().mapToLong(Reason::points).sum(), List.copyOf(reasons));
	}

	/**
	 * The part of the score that does not change with time. Days overdue grow by one a day for every task alike,
	 * so today's order is the order of {@code base}; the list sorts on it without recomputing anything. The SLA's
	 * points are added to it when the SLA passes ({@link TaskRows#markSlaPassed}).
	 */
	static long base(PriorityWeights weights, BigDecimal amount, LocalDate dueDate, LocalDate brokenPromiseOn,
			PaymentHistory history) {
		long timeless = amountPoints(weights, amount) + (brokenPromiseOn == null ? 0 : weights.brokenPromise())
				+ latePoints(weights, history) + promisePoints(weights, history);
		return timeless - (dueDate == null ? 0 : weights.dayOverdue() * dueDate.toEpochDay());
	}

	public List<Reason> top(int count) {
		return reasons.subList(0, Math.min(count, reasons.size()));
	}

	static long amountPoints(PriorityWeights weights, BigDecimal amount) {
		if (amount == null || amount.compareTo(BigDecimal.ONE) <= 0) {
			return 0;
		}
		return Math.round(weights.amount() * Math.log10(amount.doubleValue()));
	}

	private static long latePoints(PriorityWeights weights, PaymentHistory history) {
		return (long) weights.lateInvoice() * Math.min(HISTORY_CAP, history.lateInvoices());
	}

	private static long promisePoints(PriorityWeights weights, PaymentHistory history) {
		return (long) weights.pastBrokenPromise() * Math.min(HISTORY_CAP, history.brokenPromises());
	}

}
