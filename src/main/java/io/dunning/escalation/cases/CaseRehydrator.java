package io.dunning.escalation.cases;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.dunning.engine.EngineRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import io.dunning.escalation.CaseId;

/**
 * Gives every open case an instance in the engine this JVM talks to. After a restart of the embedded engine
 * (which keeps nothing) each case restarts right before the step it had reached; its timers are absolute dates,
 * so they fire at the same moments, and its workers are idempotent, so nothing is sent twice.
 */
@Component
public class CaseRehydrator {

	private static final Logger log = LoggerFactory.getLogger(CaseRehydrator.class);
	private static final int BATCH = 200;

	private final Cases cases;
	private final ProcessStarter starter;
	private final EngineRun engineRun;

	CaseRehydrator(Cases cases, ProcessStarter starter, EngineRun engineRun) {
		this.cases = cases;
		this.starter = starter;
		this.engineRun = engineRun;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		int started = rehydrate(() -> cases.withoutInstanceIn(engineRun.id(), BATCH));
		log.info("Rehydration: {} open case(s) restarted in engine run {}", started, engineRun.id());
	}

	/** Catches cases whose start failed, for instance while the engine was unreachable. */
	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void retryStranded() {
		int started = rehydrate(() -> cases.stranded(Instant.now().minus(ProcessStarter.STALE_CLAIM), BATCH));
		if (started > 0) {
			log.info("Rehydration: {} stranded case(s) started", started);
		}
	}

	private int rehydrate(Supplier<List<CaseId>> candidates) {
		int started = 0;
		int failed = 0;
		List<CaseId> batch;
		do {
			batch = candidates.get();
			for (CaseId id : batch) {
				try {
					started += starter.start(id) ? 1 : 0;
				}
				catch (RuntimeException e) {
					failed++;
					log.warn("Case {} could not be restarted yet: {}", id.value(), e.getMessage());
				}
			}
		}
		while (batch.size() == BATCH && failed == 0);
		return started;
	}

}
