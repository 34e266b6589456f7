package io.dunning.invoice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** When an unpaid invoice counts as overdue: once the company's today is past its due date plus the grace days. */
@Component
class OverdueRule {

	private final Clock clock;
	private final ZoneId zone;
	private final int graceDays;

	OverdueRule(Clock clock, @Value("${dunning.zone}") ZoneId zone, @Value("${dunning.overdue.grace-days}") int graceDays) {
		this.clock = clock;
		this.zone = zone;
		this.graceDays = graceDays;
	}

	/** An invoice due strictly before this date is overdue today. */
	LocalDate cutoff() {
		return LocalDate.now(clock.withZone(zone)).minusDays(graceDays);
	}

	boolean isOverdue(Invoice invoice) {
		return !invoice.isSettled() && !invoice.isCancelled() && invoice.dueDate().isBefore(cutoff());
	}

}
