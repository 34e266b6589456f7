package io.dunning.escalation.cases;

import java.time.Clock;
import java.util.Map;

import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.escalation.CaseClosed;
import io.dunning.escalation.CaseStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Ends a case once, records why, and tells the other modules (open tasks become void). */
@Component
public class CaseCloser {

	private final Cases cases;
	private final CaseHistory history;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CaseCloser(Cases cases, CaseHistory history, ApplicationEventPublisher events, Clock clock) {
		this.cases = cases;
		this.history = history;
		this.events = events;
		this.clock = clock;
	}

	/** @return false when the invoice has no open case */
	@Transactional
	public boolean close(String invoiceNumber, CaseStatus status, String actor, Map<String, ?> details) {
		if (!cases.close(invoiceNumber, status, clock.instant())) {
			return false;
		}
		String step = cases.findByInvoice(invoiceNumber).map(DunningCase::currentStep).orElse(null);
		history.append(invoiceNumber, HistoryType.CASE_CLOSED, step, actor,
				Map.of("status", status.name(), "details", details));
		events.publishEvent(new CaseClosed(invoiceNumber, status));
		return true;
	}

}
