package io.dunning.dunning;

import java.time.Clock;
import java.util.Map;

import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Ends a case once, records why, and tells the other modules (open tasks become void). */
@Component
class CaseCloser {

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

	@Transactional
	boolean close(DunningCase dunningCase, CaseStatus status, String actor, Map<String, ?> details) {
		if (!cases.close(dunningCase.id(), status, clock.instant())) {
			return false;
		}
		history.append(dunningCase.invoiceNumber(), HistoryType.CASE_CLOSED, dunningCase.currentStep(), actor,
				Map.of("status", status.name(), "details", details));
		events.publishEvent(new CaseClosed(dunningCase.invoiceNumber(), status));
		return true;
	}

}
