package io.dunning.worklist;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A promise to pay, or a payment plan, on one invoice, and how it stands. A promise is kept when the balance is paid in
 * full by its deadline (the promised date plus the diagram's two days); a plan is kept when every instalment was met
 * by its grace date (due date plus five days) and broken at the first one missed.
 *
 * @param promisedOn the promised date, or the plan's first instalment date
 * @param deadline the last day on which a payment still keeps it
 * @param paid what was paid on the invoice since it was made
 * @param instalments the plan's schedule; empty for a promise
 * @param invoiceNumber the invoice, or the invoices of a plan agreed in one call, comma-separated ({@link PlanAgreements})
 * @param agreement the call that agreed a plan; null for a promise
 */
record Promise(long id, Kind kind, String invoiceNumber, String customerId, String customerName, BigDecimal amount,
		String currency, LocalDate promisedOn, LocalDate deadline, BigDecimal paid, LocalDate keptOn,
		List<Instalment> instalments, String madeBy, Instant madeAt, String agreement) {

	/** Days after the promised date before the diagram resumes the escalation (Timer_PromiseDeadline). */
	static final int PROMISE_GRACE_DAYS = 2;

	/** Days after an instalment's date before the diagram checks it (Timer_InstalmentGrace). */
	static final int INSTALMENT_GRACE_DAYS = 5;

	enum Kind {
		PROMISE, PLAN
	}

	enum Status {
		OPEN, KEPT, BROKEN
	}

	/** One instalment of a plan, as agreed; {@code cumulative} is what must be paid by its grace date. */
	record Instalment(int number, LocalDate dueDate, BigDecimal amount, BigDecimal cumulative) {
	}

	Status status(LocalDate today) {
		if (keptOn != null) {
			return Status.KEPT;
		}
		return deadline.isBefore(today) ? Status.BROKEN : Status.OPEN;
	}

	/**
	 * How an instalment stands today: met when its grace date came before the plan's deadline (the deadline moves
	 * on past each instalment paid in time); null for the instalments after a missed one, which nothing watches.
	 */
	Status status(Instalment instalment, LocalDate today) {
		LocalDate grace = instalment.dueDate().plusDays(INSTALMENT_GRACE_DAYS);
		if (keptOn != null || grace.isBefore(deadline)) {
			return Status.KEPT;
		}
		if (grace.equals(deadline)) {
			return status(today);
		}
		return status(today) == Status.BROKEN ? null : Status.OPEN;
	}

	/**
	 * The deadline once this much has been paid: the grace date of the first instalment it does not cover, or null
	 * when it covers them all.
	 */
	static LocalDate planDeadline(List<Instalment> instalments, BigDecimal paid) {
		return instalments.stream()
			.filter(i -> paid.compareTo(i.cumulative()) < 0)
			.findFirst()
			.map(i -> i.dueDate().plusDays(INSTALMENT_GRACE_DAYS))
			.orElse(null);
	}

}
