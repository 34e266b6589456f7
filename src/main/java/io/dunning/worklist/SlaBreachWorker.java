package io.dunning.worklist;

import java.time.Duration;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.dunning.escalation.JobFailures;
import io.dunning.escalation.OffPathWorker;
import org.springframework.stereotype.Component;

/**
 * The service task behind a task's SLA timer ({@code dunning:sla-breached:1}): the task's priority rises, the history
 * records it and the managers hear of it. The timer does not interrupt the task, so this runs beside the case's step
 * and never moves it: a case restarted meanwhile still starts before its task. The task it is about is the
 * {@code task} header.
 */
@Component
public class SlaBreachWorker implements OffPathWorker {

	private final SlaBreaches breaches;
	private final SlaNotifier notifier;

	SlaBreachWorker(SlaBreaches breaches, SlaNotifier notifier) {
		this.breaches = breaches;
		this.notifier = notifier;
	}

	// Public, with its class, because the Camunda client invokes it by plain reflection.
	@JobWorker(type = "dunning:sla-breached:1")
	public void breached(ActivatedJob job, @Variable String invoiceNumber, @Variable long caseId) {
		String elementId = job.getCustomHeaders().get("task");
		if (elementId == null || elementId.isBlank()) {
			throw CamundaError.jobError("SLA task " + job.getElementId() + " has no 'task' header naming its user task",
					null, 0, Duration.ZERO, null);
		}
		JobFailures.retrying(job, () -> {
			breaches.record(invoiceNumber, elementId).ifPresent(breach -> notifier.notifyManagers(caseId, breach));
			return null;
		});
	}

}
