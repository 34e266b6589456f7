package io.dunning.worklist;

import java.time.Duration;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.dunning.channel.DeliveryInFlightException;
import io.dunning.escalation.OffPathWorker;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The service task behind a task's SLA timer ({@code dunning:sla-breached:1}): the task's priority rises, the history
 * records it and the managers hear of it. The timer does not interrupt the task, so this runs beside the case's step
 * and never moves it: a case restarted meanwhile still starts before its task. The task it is about is the
 * {@code task} header.
 */
@Component
public class SlaBreachWorker implements OffPathWorker {

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);

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
		try {
			breaches.record(invoiceNumber, elementId).ifPresent(breach -> notifier.notifyManagers(caseId, breach));
		}
		catch (DeliveryInFlightException e) {
			// An attempt cut short by a crash may still be under way: wait for it without spending a retry.
			throw CamundaError.jobError(e.getMessage(), null, job.getRetries(), e.retryAfter().plusSeconds(1), e);
		}
		catch (TransientDataAccessException e) {
			throw CamundaError.jobError("transient database failure: " + e.getMessage(), null, job.getRetries(),
					FIRST_BACKOFF, e);
		}
		catch (RuntimeException e) {
			int left = Math.max(0, job.getRetries() - 1);
			throw CamundaError.jobError(e.getClass().getSimpleName() + ": " + e.getMessage(), null, left,
					backoff(job.getRetries()), e);
		}
	}

	/** 10 s after the first failure, doubling with each one (the task's five retries end within five minutes). */
	private static Duration backoff(int retriesLeft) {
		return FIRST_BACKOFF.multipliedBy(1L << Math.max(0, 5 - Math.max(0, retriesLeft)));
	}

}
