package io.dunning.escalation.pause;

import java.util.Map;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.dunning.escalation.JobFailures;
import io.dunning.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The diagram's pause steps: a dispute raised during the call, its settlement, and the end of a block's wait. */
@Component
public class PauseWorkers {

	private static final Logger log = LoggerFactory.getLogger(PauseWorkers.class);

	private final DisputeRaising raising;
	private final DisputeSettlement settlement;
	private final PathResumer resumer;
	private final TransactionTemplate transaction;

	PauseWorkers(DisputeRaising raising, DisputeSettlement settlement, PathResumer resumer,
			TransactionTemplate transaction) {
		this.raising = raising;
		this.settlement = settlement;
		this.resumer = resumer;
		this.transaction = transaction;
	}

	/** The customer disputed the invoice on the call: the path resumes at the step the task's header names. */
	@JobWorker(type = "dunning:raise-dispute:1")
	public Map<String, Object> raiseOnCall(ActivatedJob job, @Variable String invoiceNumber,
			@Variable(optional = true) String disputeReason, @Variable(optional = true) String disputeComment,
			@Variable(optional = true) String completedBy) {
		DisputeReason reason = disputeReason == null ? DisputeReason.OTHER : DisputeReason.valueOf(disputeReason);
		return JobFailures.retrying(job, () -> {
			try {
				raising.raise(invoiceNumber, reason, disputeComment, completedBy == null ? "collector" : completedBy,
						job.getCustomHeaders().get("resumeAt"));
			}
			catch (ConflictException alreadyOrOver) {
				// A job delivered again finds its own dispute; a closed case has nothing to hold.
				log.info("Invoice {}: dispute from the call not raised: {}", invoiceNumber, alreadyOrOver.getMessage());
			}
			return Map.<String, Object>of();
		});
	}

	@JobWorker(type = "dunning:settle-dispute:1")
	public void settle(ActivatedJob job, @Variable String invoiceNumber,
			@Variable DisputeSettlement.Answer disputeResolution, @Variable(optional = true) String completedBy) {
		JobFailures.retrying(job, () -> {
			settlement.settle(job.getProcessInstanceKey(), invoiceNumber, disputeResolution,
					completedBy == null ? "system" : completedBy);
			return null;
		});
	}

	@JobWorker(type = "dunning:resume-path:1")
	public void resume(ActivatedJob job, @Variable String invoiceNumber) {
		JobFailures.retrying(job, () -> {
			transaction.executeWithoutResult(
					status -> resumer.continueCase(job.getProcessInstanceKey(), invoiceNumber, "block over"));
			return null;
		});
	}

}
