package io.dunning.escalation.pause;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.dunning.calendar.BusinessCalendar;
import io.dunning.escalation.DunningProperties;
import io.dunning.escalation.JobFailures;
import io.dunning.escalation.OffPathWorker;
import io.dunning.escalation.steps.ContactTimes;
import org.springframework.stereotype.Component;

/**
 * The start listener of the dispute's resolution task ({@code dunning:dispute-deadlines:1}). It hands the diagram the
 * next business days after the dispute was raised, at the local time it was raised ({@code disputeBusinessDays}: the
 * SLA timer picks {@code disputeBusinessDays[5]}), and the moment the managers are reminded of it
 * ({@code disputeReminderAt}). Both count from the dispute's raising as the database keeps it, so a case restarted
 * before the task, or sent back to it after a block, keeps its deadlines.
 */
@Component
public class DisputeDeadlines implements OffPathWorker {

	/** More than the diagram's SLA counts, so that a manager may lengthen it in the diagram alone. */
	static final int BUSINESS_DAYS = 10;

	private final Disputes disputes;
	private final BusinessCalendar calendar;
	private final DisputeProperties properties;
	private final ZoneId zone;
	private final Clock clock;

	DisputeDeadlines(Disputes disputes, BusinessCalendar calendar, DisputeProperties properties,
			DunningProperties dunning, Clock clock) {
		this.disputes = disputes;
		this.calendar = calendar;
		this.properties = properties;
		this.zone = dunning.zone();
		this.clock = clock;
	}

	// Public, with its class, because the Camunda client invokes it by plain reflection.
	@JobWorker(type = "dunning:dispute-deadlines:1", fetchVariables = "invoiceNumber")
	public Map<String, Object> deadlines(ActivatedJob job, @Variable String invoiceNumber) {
		// A dispute resolved meanwhile (the task is about to be left): count from now, nothing will wait on it.
		Instant raisedAt = JobFailures.retrying(job,
				() -> disputes.findOpen(invoiceNumber).map(Dispute::raisedAt).orElseGet(clock::instant));
		List<String> days = calendar.nextBusinessDays(raisedAt, BUSINESS_DAYS)
			.stream()
			.map(day -> ContactTimes.format(day.toInstant(), zone))
			.toList();
		String reminderAt = ContactTimes.format(raisedAt.atZone(zone).plus(properties.reminderAfter()).toInstant(), zone);
		return Map.of("disputeBusinessDays", days, "disputeReminderAt", reminderAt);
	}

}
