package io.dunning.worklist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.dunning.audit.HistoryEntry;
import io.dunning.invoice.Invoice;

/**
 * What the list needs about a task's invoice and customer, read when the task opens. Empty for an instance that
 * belongs to no invoice the product knows (a test diagram).
 */
record TaskFacts(String customerId, String customerName, String email, String phone, BigDecimal amount,
		String currency, LocalDate dueDate, LocalDate brokenPromiseOn, PaymentHistory history) {

	static final TaskFacts NONE = new TaskFacts(null, null, null, null, null, null, null, null, PaymentHistory.NONE);

	static TaskFacts of(Optional<Invoice> invoice, List<HistoryEntry> history, LocalDate today) {
		return invoice.map(i -> new TaskFacts(i.customer().externalId(), i.customer().name(), i.customer().email(),
				i.customer().phone(), i.balance().amount(), i.balance().currency().getCurrencyCode(), i.dueDate(),
				brokenPromise(history, today), PaymentHistory.NONE))
			.orElse(NONE);
	}

	TaskFacts with(PaymentHistory history) {
		return new TaskFacts(customerId, customerName, email, phone, amount, currency, dueDate, brokenPromiseOn,
				history);
	}

	/** The latest date a customer promised to pay this invoice by, and that passed with the case still running. */
	static LocalDate brokenPromise(List<HistoryEntry> history, LocalDate today) {
		return history.stream()
			.filter(e -> "TASK_COMPLETED".equals(e.type()))
			.filter(e -> "PROMISE_TO_PAY".equals(e.details().get("outcome")))
			.map(e -> e.details().get("promisedDate"))
			.filter(String.class::isInstance)
			.map(d -> LocalDate.parse((String) d))
			.filter(d -> d.isBefore(today))
			.max(LocalDate::compareTo)
			.orElse(null);
	}

	static LocalDate today(java.time.Clock clock, ZoneId zone) {
		return LocalDate.ofInstant(clock.instant(), zone);
	}

}
