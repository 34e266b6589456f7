package io.dunning.worklist;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.dunning.escalation.PlanAgreed;
import io.dunning.invoice.Invoice;
import io.dunning.invoice.InvoiceCatalog;
import io.dunning.payment.PaymentReceived;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records the promises collectors take and the plans the escalation agrees, and follows each with the payments on its
 * invoice: paid in full by the deadline, it is kept; a plan's deadline moves on past every instalment paid in time.
 */
@Component
class PromiseFollowUp {

	static final String PLAN_NEGOTIATION = "Task_NegotiatePaymentPlan";

	private final Promises promises;
	private final Tasks tasks;
	private final TaskRows rows;
	private final InvoiceCatalog invoices;
	private final Clock clock;
	private final ZoneId zone;

	PromiseFollowUp(Promises promises, Tasks tasks, TaskRows rows, InvoiceCatalog invoices, Clock clock,
			@Value("${dunning.zone}") ZoneId zone) {
		this.promises = promises;
		this.tasks = tasks;
		this.rows = rows;
		this.invoices = invoices;
		this.clock = clock;
		this.zone = zone;
	}

	/** A completed call that took a promise to pay; inside the completion's transaction. */
	void onCompleted(Task task, Map<String, Object> answer, String actor, Instant at) {
		if (!"PROMISE_TO_PAY".equals(answer.get("outcome")) || !(answer.get("promisedDate") instanceof String date)) {
			return;
		}
		LocalDate promisedOn = LocalDate.parse(date);
		TaskRow row = rows.rows(List.of(task.id().value())).getFirst();
		promises.record(new Promises.Made("task:" + task.id().value(), Promise.Kind.PROMISE, task.invoiceNumber(),
				row.customerId(), row.customerName(), row.amount(), row.currency(), promisedOn,
				promisedOn.plusDays(Promise.PROMISE_GRACE_DAYS), List.of(), actor, at));
	}

	@ApplicationModuleListener
	void on(PlanAgreed plan) {
		if (plan.instalments().isEmpty()) {
			return;
		}
		List<Promise.Instalment> instalments = plan.instalments().stream()
			.map(d -> new Promise.Instalment(d.number(), d.dueDate(), d.amount(), d.cumulative()))
			.toList();
		Invoice invoice = invoices.find(plan.invoiceNumber()).orElse(null);
		LocalDate first = instalments.getFirst().dueDate();
		promises.record(new Promises.Made("plan:" + plan.invoiceNumber() + ":" + first, Promise.Kind.PLAN,
				plan.invoiceNumber(), invoice == null ? null : invoice.customer().externalId(),
				invoice == null ? null : invoice.customer().name(), plan.startingBalance(),
				invoice == null ? null : invoice.balance().currency().getCurrencyCode(), first,
				Promise.planDeadline(instalments, BigDecimal.ZERO),
				instalments, tasks.lastCompletedBy(plan.invoiceNumber(), PLAN_NEGOTIATION).orElse("system"),
				clock.instant(), tasks.lastCompletedCall(plan.invoiceNumber(), PLAN_NEGOTIATION)
					.map(call -> "call:" + call)
					.orElse(null)));
	}

	@ApplicationModuleListener
	void on(PaymentReceived payment) {
		LocalDate paidOn = payment.paidOn() != null ? payment.paidOn() : LocalDate.ofInstant(clock.instant(), zone);
		for (Promise promise : promises.lockOfInvoice(payment.invoiceNumber())) {
			if (promise.keptOn() != null || promise.amount() == null || paidOn.isAfter(promise.deadline())) {
				continue;
			}
			BigDecimal paid = promise.amount().subtract(payment.balanceLeft()).max(BigDecimal.ZERO);
			boolean settled = payment.balanceLeft().signum() <= 0;
			LocalDate deadline = promise.kind() == Promise.Kind.PLAN && !settled
					? Promise.planDeadline(promise.instalments(), paid) : null;
			if (settled || (promise.kind() == Promise.Kind.PLAN && deadline == null)) {
				promises.follow(promise.id(), paid, promise.deadline(), paidOn);
			}
			else {
				promises.follow(promise.id(), paid, deadline == null ? promise.deadline() : deadline, null);
			}
		}
	}

}
