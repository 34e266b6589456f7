package io.dunning.escalation.pause;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.dunning.audit.CaseHistory;
import io.dunning.audit.HistoryType;
import io.dunning.escalation.CaseHeld;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Begins a case's hold once, records it, and tells the modules whose work waits with the path ({@link CaseHeld}). */
@Component
class PathHolding {

	private final Holds holds;
	private final CaseHistory history;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PathHolding(Holds holds, CaseHistory history, ApplicationEventPublisher events, Clock clock) {
		this.holds = holds;
		this.history = history;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param step where the path resumes, or null for where the engine enters the hold
	 * @param by "dispute" or "block"
	 * @return true when this call began the hold; false when the case was held already
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean hold(String invoiceNumber, String step, String actor, String by, Map<String, Object> details) {
		Instant now = clock.instant();
		if (!holds.begin(invoiceNumber, step, now)) {
			return false;
		}
		Map<String, Object> recorded = new HashMap<>(details);
		recorded.put("by", by);
		history.append(invoiceNumber, HistoryType.PATH_HELD, step, actor, recorded);
		events.publishEvent(new CaseHeld(invoiceNumber, by, now,
				Set.of(HoldSteps.RESOLVE_DISPUTE, HoldSteps.AWAIT_BLOCK_LIFTED)));
		return true;
	}

}
