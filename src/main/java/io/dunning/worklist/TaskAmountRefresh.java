package io.dunning.worklist;

import io.dunning.payment.PaymentReceived;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A task copies its invoice's balance when it opens; a partial payment lowers that balance, so the open tasks of the
 * invoice take the new one, and their priority with it. (A payment in full closes the case and its tasks instead.)
 * Only the amount's points change: what the SLA, a broken promise or the customer's history added stays.
 */
@Component
class TaskAmountRefresh {

	private final TaskRows tasks;
	private final PriorityWeights weights;

	TaskAmountRefresh(TaskRows tasks, PriorityWeights weights) {
		this.tasks = tasks;
		this.weights = weights;
	}

	@ApplicationModuleListener
	void on(PaymentReceived payment) {
		for (TaskRow row : tasks.lockOpenRowsOf(payment.invoiceNumber())) {
			tasks.refreshAmount(row.id(), payment.balanceLeft(), Priority.amountPoints(weights, payment.balanceLeft())
					- Priority.amountPoints(weights, row.amount()));
		}
	}

}
