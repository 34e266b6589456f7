package io.dunning.escalation.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;

import io.dunning.engine.EngineRun;
import io.dunning.escalation.CaseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives every open case an instance in the engine this JVM talks to. After a restart of the embedded engine
 * (which keeps nothing) each case restarts right before the step it had reached; its timers are absolute dates,
 * so they fire at the same moments, and its workers are idempotent, so nothing is sent twice.
 * <p>
 * It runs on a thread of its own, so the API answers meanwhile, in pages by case id ({@code
 * dunning.rehydration.batch-size}, 200 by default) whose creations are in flight together. A case the engine refuses (its step is gone from the diagram, say) is logged with
 * the reason and counted, and never holds up the cases after it; its claim goes stale and the sweep tries it again.
 */
@Component
public class CaseRehydrator {

	private static final Logger log = LoggerFactory.getLogger(CaseRehydrator.class);

	private final Cases cases;
	private final ProcessStarter starter;
	private final EngineRun engineRun;
	private final RehydrationProgress progress;
	private final int batchSize;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform()
		.name("rehydration")
		.daemon(true)
		.factory());

	CaseRehydrator(Cases cases, ProcessStarter starter, EngineRun engineRun, RehydrationProgress progress,
			@Value("${dunning.rehydration.batch-size:200}") int batchSize) {
		this.batchSize = batchSize;
		this.cases = cases;
		this.starter = starter;
		this.engineRun = engineRun;
		this.progress = progress;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		worker.execute(this::rehydrateAll);
	}

	/** Restarts every open case that has no instance in this engine run yet. */
	void rehydrateAll() {
		progress.begin(cases.countWithoutInstanceIn(engineRun.id()));
		int started = rehydrate(afterId -> cases.withoutInstanceIn(engineRun.id(), afterId, batchSize), true);
		progress.end();
		log.info("Rehydration: {} open case(s) restarted in engine run {}, {} failed and will be tried again", started,
				engineRun.id(), progress.snapshot().failed());
	}

	/** Catches cases whose start failed, for instance while the engine was unreachable or refused the step. */
	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void retryStranded() {
		int started = rehydrate(afterId -> cases.stranded(Instant.now().minus(ProcessStarter.STALE_CLAIM), afterId, batchSize),
				false);
		if (started > 0) {
			log.info("Rehydration: {} stranded case(s) started", started);
		}
	}

	/** @param counted whether the outcomes count in the start-up progress shown by the health endpoint */
	private int rehydrate(LongFunction<List<CaseId>> page, boolean counted) {
		int started = 0;
		long afterId = 0;
		List<CaseId> batch;
		do {
			batch = page.apply(afterId);
			List<CompletableFuture<Boolean>> inFlight = new ArrayList<>(batch.size());
			for (CaseId id : batch) {
				inFlight.add(startOne(id, counted));
			}
			for (CompletableFuture<Boolean> start : inFlight) {
				started += start.join() ? 1 : 0;
			}
			if (!batch.isEmpty()) {
				afterId = batch.getLast().value();
			}
		}
		while (batch.size() == batchSize);
		return started;
	}

	/** Never fails: a case that cannot start now is logged, counted and left for the sweep. */
	private CompletableFuture<Boolean> startOne(CaseId id, boolean counted) {
		CompletableFuture<Boolean> start;
		try {
			start = starter.start(id);
		}
		catch (RuntimeException e) {
			start = CompletableFuture.failedFuture(e);
		}
		return start.handle((started, failure) -> {
			if (failure == null) {
				if (counted) {
					progress.done();
				}
				return started;
			}
			Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
					: failure;
			if (counted) {
				progress.failed();
			}
			log.warn("Rehydration: case {} could not be restarted, it will be tried again: {}", id.value(),
					cause.getMessage());
			return false;
		});
	}

}
