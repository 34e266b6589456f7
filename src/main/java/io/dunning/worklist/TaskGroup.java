package io.dunning.worklist;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of the list: a customer's open tasks at one step, to be handled in one call. {@code key} names the
 * customer (or, for a task with no known customer, its invoice).
 */
record TaskGroup(String key, String customerName, String elementId, String formId, int count, BigDecimal total,
		String currency, LocalDate oldestDue, LocalDate brokenPromiseOn, long priorityBase, String assignee,
		String candidateGroup, String cursor, Instant slaPassedAt, PaymentHistory history) {
}
