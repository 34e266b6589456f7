package io.dunning.escalation.rates;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says at start when a rate table lacks the current half-year, before any notice is held for it. */
@Component
class RateCoverageWarning {

	private static final Logger log = LoggerFactory.getLogger(RateCoverageWarning.class);

	private final RateTable table;

	RateCoverageWarning(RateTable table) {
		this.table = table;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warnIfUncovered() {
		String warning = table.overview().warning();
		if (warning != null) {
			log.warn("Interest rates: {}", warning);
		}
	}

}
