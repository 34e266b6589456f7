package io.dunning.escalation.notice;

import java.time.Duration;
import java.util.Map;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.dunning.escalation.DunningProperties;
import io.dunning.escalation.JobFailures;
import io.dunning.escalation.steps.ContactTimes;
import org.springframework.stereotype.Component;

/** The mise en demeure: issued, sent by email and for registered post, or held for what it lacks. */
@Component
public class NoticeWorkers {

	/** The diagram catches it: a collector completes the address, then the notice is tried again. */
	static final String NO_POSTAL_ADDRESS = "NO_POSTAL_ADDRESS";

	/**
	 * How long a notice held for a missing rate waits before it is tried again. Its retries run out in about a day,
	 * and then it is an incident: long enough for an admin to add a rate that is published late, short enough that a
	 * rate nobody adds does not hold the notice unseen.
	 */
	static final Duration RATE_WAIT = Duration.ofHours(6);

	private final FormalNotices notices;
	private final DunningProperties properties;

	NoticeWorkers(FormalNotices notices, DunningProperties properties) {
		this.notices = notices;
		this.properties = properties;
	}

	@JobWorker(type = "dunning:send-notice:1")
	public Map<String, Object> sendNotice(ActivatedJob job, @Variable String invoiceNumber) {
		FormalNotices.Outcome outcome = JobFailures.retrying(job, () -> notices.issue(invoiceNumber, job.getElementId()));
		return switch (outcome) {
			case FormalNotices.Outcome.Issued issued -> {
				String sentAt = ContactTimes.format(issued.sentAt(), properties.zone());
				yield Map.of("noticeSentAt", sentAt, "lastContactAt", sentAt, "noticeDeadline",
						issued.deadline().toString());
			}
			case FormalNotices.Outcome.CaseOver over -> Map.of();
			case FormalNotices.Outcome.AddressMissing missing -> throw CamundaError.bpmnError(NO_POSTAL_ADDRESS,
					"No postal address for " + missing.customerName() + ": the notice is held until a collector completes it");
			case FormalNotices.Outcome.RateMissing missing -> throw CamundaError.jobError("Formal notice held: "
					+ missing.reason() + ". Tried again in " + RATE_WAIT.toHours() + " hours.", null,
					Math.max(0, job.getRetries() - 1), RATE_WAIT);
		};
	}

}
