package io.dunning.engine.embedded;

import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The embedded engine's log as the {@code engineLog} component of {@code /actuator/health}: how far the engine is
 * behind what was written to it, and what the log holds on the heap and on disk. A burst of steps shows here first.
 * It stays UP: a backlog is load, and the engine works through it.
 */
final class EngineLogHealth implements HealthIndicator {

	private final EngineAssembly engine;

	EngineLogHealth(EngineAssembly engine) {
		this.engine = engine;
	}

	@Override
	public Health health() {
		EngineAssembly.LogSize log = engine.logSize();
		return Health.up()
			.withDetails(Map.of("recordsBehind", log.recordsBehind(), "blocksHeld", log.retainedBlocks(), "bytesHeld",
					log.retainedBytes(), "blocksSpilledSinceStart", log.spilledBlocks(), "segmentFiles",
					log.segmentFiles()))
			.build();
	}

}
