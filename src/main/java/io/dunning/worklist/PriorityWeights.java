package io.dunning.worklist;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a task's priority is scored (see src/docs/worklist.md). Each weight is in points:
 *
 * @param amount points per power of ten of the amount owed (1 000 EUR gives 3 x amount)
 * @param dayOverdue points per day past the due date
 * @param brokenPromise points when the customer broke a promise to pay on this invoice
 */
@ConfigurationProperties("dunning.worklist.priority")
record PriorityWeights(Integer amount, Integer dayOverdue, Integer brokenPromise) {

	PriorityWeights {
		amount = amount == null ? 10 : amount;
		dayOverdue = dayOverdue == null ? 1 : dayOverdue;
		brokenPromise = brokenPromise == null ? 40 : brokenPromise;
	}

}
