package io.dunning.worklist;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a task's priority is scored (see src/docs/worklist.md). Each weight is in points:
 *
 * @param amount points per power of ten of the amount owed (1 000 EUR gives 3 x amount)
 * @param dayOverdue points per day past the due date
 * @param brokenPromise points when the customer broke a promise to pay on this invoice
 * @param slaPassed points once the task's SLA has passed (the diagram's SLA timer fired)
 * @param lateInvoice points per other invoice of the customer that fell overdue (at most five count)
 * @param pastBrokenPromise points per other invoice of the customer with a broken promise (at most five count)
 */
@ConfigurationProperties("dunning.worklist.priority")
record PriorityWeights(Integer amount, Integer dayOverdue, Integer brokenPromise, Integer slaPassed,
		Integer lateInvoice, Integer pastBrokenPromise) {

	PriorityWeights {
		amount = amount == null ? 10 : amount;
		dayOverdue = dayOverdue == null ? 1 : dayOverdue;
		brokenPromise = brokenPromise == null ? 40 : brokenPromise;
		slaPassed = slaPassed == null ? 30 : slaPassed;
		lateInvoice = lateInvoice == null ? 5 : lateInvoice;
		pastBrokenPromise = pastBrokenPromise == null ? 20 : pastBrokenPromise;
	}

}
