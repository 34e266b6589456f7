package io.dunning.escalation;

import java.time.Duration;
import java.util.function.Supplier;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.dunning.channel.ContactHeldException;
import io.dunning.channel.DeliveryInFlightException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * A transient failure fails the job with one retry less and a growing backoff; when the retries run out the
 * engine raises an incident for someone to look at. A passing database error (lock timeout, deadlock, lost
 * connection) spends no retry, nor does a contact held until the contact hours open: the job comes back then.
 */
public final class JobFailures {

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);
	private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);
	private static final Duration DATABASE_PAUSE = Duration.ofSeconds(2);

	private JobFailures() {
	}

	public static <T> T retrying(ActivatedJob job, Supplier<T> work) {
		try {
			return work.get();
		}
		catch (ContactHeldException e) {
			// Not a failure: the engine keeps the job, on its own clock, until the contact may go out, and no worker
			// thread waits meanwhile.
			throw CamundaError.jobError(e.getMessage(), null, job.getRetries(), e.retryAfter(), e);
		}
		catch (DeliveryInFlightException e) {
			// An attempt that may still be running (such as one cut short by a crash) is not a failure: wait for it
			// without spending a retry, so it cannot end in an incident.
			throw CamundaError.jobError(e.getMessage(), null, job.getRetries(), e.retryAfter().plusSeconds(1), e);
		}
		catch (TransientDataAccessException | RecoverableDataAccessException | DataAccessResourceFailureException e) {
			// A lock timeout, a deadlock or a lost connection passes by itself: try again shortly without spending a
			// retry, so a database hiccup never ends in an incident.
			throw CamundaError.jobError(e.getClass().getSimpleName() + ": " + e.getMessage(), null, job.getRetries(),
					DATABASE_PAUSE, e);
		}
		catch (RuntimeException e) {
			int retriesLeft = Math.max(0, job.getRetries() - 1);
			throw CamundaError.jobError(e.getClass().getSimpleName() + ": " + e.getMessage(), null, retriesLeft,
					backoff(job.getRetries()), e);
		}
	}

	static Duration backoff(int retries) {
		int failuresSoFar = Math.max(0, 5 - retries);
		Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(failuresSoFar, 10));
		return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
	}

}
