package io.dunning.worklist;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import io.camunda.client.annotation.JobWorker;
import io.dunning.calendar.BusinessCalendar;
import io.dunning.escalation.OffPathWorker;
import org.springframework.stereotype.Component;

/**
 * The start listener of the business rule task before a task with an SLA: it hands the diagram the next business
 * days, at the local time the task opens, as {@code businessDays}. The SLA timer picks its day from that list
 * ({@code businessDays[2]} for two business days), so the number of days stays in the diagram and the calendar here.
 * The list is a process variable, saved with the case when the task is entered: a case restarted before the task
 * keeps the deadline it had.
 */
@Component
public class BusinessDaysListener implements OffPathWorker {

	/** More than any SLA of the diagram counts. */
	static final int DAYS_AHEAD = 5;

	private static final DateTimeFormatter FEEL_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

	private final BusinessCalendar calendar;
	private final Clock clock;

	BusinessDaysListener(BusinessCalendar calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	// Public, with its class, because the Camunda client invokes it by plain reflection.
	@JobWorker(type = "dunning:business-days:1", fetchVariables = "invoiceNumber")
	public Map<String, Object> businessDays() {
		List<String> days = calendar.nextBusinessDays(clock.instant(), DAYS_AHEAD)
			.stream()
			.map(FEEL_DATE_TIME::format)
			.toList();
		return Map.of("businessDays", days);
	}

}
